package dev.hearth.bundle.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.hearth.core.api.platform.Platform;
import dev.hearth.core.api.platform.PlatformSpec;
import dev.hearth.core.api.platform.PlatformStatus;
import dev.hearth.core.kube.ServerSideApply;
import dev.hearth.core.status.ReadyCondition;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The command line against a cluster (the current kubeconfig context): it reads and writes the {@code Platform}, and
 * the installer in the cluster does the work, so the command line needs no more rights than the Platform's.
 *
 * <pre>
 * status [--name hearth]                         the Platform's Ready, plan and components
 * plan --cluster hearth                          the plan the installer computed (status.plan)
 * apply --file platform.yaml [--wait 60]         server-side applies a Platform, then shows the plan it gets
 * apply --approve HASH [--name hearth] [--wait 60]  approves the plan of that hash (Manual), refused if it changed
 * </pre>
 *
 * Exit codes as the offline commands: 0 nothing to change (or Ready), 1 changes (or not Ready yet), 2 an error.
 */
final class ClusterCli {
    private static final Duration POLL = Duration.ofMillis(500);

    private final KubernetesClient client;
    /** The file's writes, field manager {@code hearth-bundle-cli}. */
    private final ServerSideApply files;
    // its own manager: an apply under the file's manager without the rest of the spec would remove what the file set
    private final ServerSideApply approvals;
    private final PrintStream out;
    private final PrintStream err;

    ClusterCli(KubernetesClient client, PrintStream out, PrintStream err) {
        this.client = client;
        this.files = ServerSideApply.of(client, "bundle-cli");
        this.approvals = ServerSideApply.of(client, "bundle-cli-approval");
        this.out = out;
        this.err = err;
    }

    int status(String name) {
        Platform platform = required(name);
        PlatformStatus status = platform.getStatus();
        Condition ready = status == null
                ? null
                : ReadyCondition.find(status.conditions, ReadyCondition.TYPE).orElse(null);
        out.printf(
                "platform %s: bundle %s %s (%s), Ready=%s %s%n",
                name,
                platform.getSpec().bundle.name,
                platform.getSpec().bundle.version,
                platform.getSpec().bundle.variant,
                ready == null ? "Unknown" : ready.getStatus(),
                ready == null ? "(not reconciled yet)" : ready.getReason() + ": " + ready.getMessage());
        if (status != null) {
            status.components.forEach((component, c) -> out.printf(
                    "  %-24s %-12s %s -> %s%s%n",
                    component,
                    c.phase,
                    Objects.toString(c.chartVersion, "-"),
                    Objects.toString(c.wantedChartVersion, "-"),
                    c.ready ? "" : "  " + Objects.toString(c.reason, "") + " " + Objects.toString(c.message, "")));
        }
        return ReadyCondition.isReady(status) ? BundleCli.NO_CHANGE : BundleCli.CHANGES;
    }

    int plan(String name) {
        return printPlan(name, required(name));
    }

    int applyFile(Path file, Duration wait) throws IOException {
        // applied as the file says it, untyped: a typed Platform would also claim every field its class defaults
        GenericKubernetesResource platform =
                Serialization.unmarshal(Files.readString(file), GenericKubernetesResource.class);
        if (!HasMetadata.getKind(Platform.class).equals(platform.getKind())) {
            throw new IllegalArgumentException(file + " holds a " + platform.getKind() + ", not a Platform");
        }
        return printPlan(
                platform.getMetadata().getName(),
                observed(files.apply(platform).getMetadata().getName(), wait));
    }

    int approve(String name, String hash, Duration wait) {
        Platform platform = required(name);
        PlatformStatus.PlanStatus plan = platform.getStatus() == null ? null : platform.getStatus().plan;
        if (plan == null || !hash.equals(plan.hash)) {
            err.println("error: the plan of platform " + name + " is "
                    + (plan == null ? "not computed yet" : plan.hash + " now, not " + hash)
                    + "; look at it again (plan --cluster " + name + ") before approving");
            return BundleCli.ERROR;
        }
        if (plan.approved) {
            out.println("plan " + hash + " of platform " + name + " is already approved");
            return BundleCli.NO_CHANGE;
        }
        // only the approval: the rest of the spec stays its owners'
        GenericKubernetesResource approval = new GenericKubernetesResourceBuilder()
                .withApiVersion(platform.getApiVersion())
                .withKind(platform.getKind())
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToAdditionalProperties(
                        "spec",
                        Map.of("upgradePolicy", Map.of("mode", PlatformSpec.Mode.Manual.name(), "approvedPlan", hash)))
                .build();
        approvals.apply(approval);
        out.println("approved plan " + hash + " of platform " + name);
        printPlan(name, observed(name, wait));
        return BundleCli.CHANGES;
    }

    private int printPlan(String name, Platform platform) {
        PlatformStatus.PlanStatus plan = platform.getStatus() == null ? null : platform.getStatus().plan;
        if (plan == null) {
            out.println("platform " + name + ": no plan yet (the installer has not reconciled it)");
            return BundleCli.CHANGES;
        }
        List<String> steps = plan.steps;
        out.printf(
                "platform %s: plan %s, %d change(s), %s%n",
                name, plan.hash, steps.size(), plan.approved ? "approved" : "waiting for approval (apply --approve)");
        steps.forEach(step -> out.println("  " + step));
        return steps.isEmpty() ? BundleCli.NO_CHANGE : BundleCli.CHANGES;
    }

    /** The Platform once the installer has reconciled its current generation, or as it is after {@code wait}. */
    private Platform observed(String name, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Platform current = required(name);
        while (System.nanoTime() < deadline) {
            Long observed = current.getStatus() == null ? null : current.getStatus().observedGeneration;
            if (Objects.equals(observed, current.getMetadata().getGeneration())) {
                return current;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            current = required(name);
        }
        err.println("the installer has not reconciled platform " + name + " within " + wait
                + ": the plan below may be the previous one");
        return current;
    }

    private Platform required(String name) {
        Platform platform = client.resources(Platform.class).withName(name).get();
        if (platform == null) {
            throw new IllegalArgumentException("no Platform " + name + " in this cluster");
        }
        return platform;
    }
}
