package dev.hearth.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A real kube-apiserver + etcd (kube-api-test) shared by every test of one JVM, optionally with a real
 * kube-controller-manager (namespace lifecycle and garbage collection), our CRDs and, on request, the upstream
 * CRDs of the upstream-CRD cache ({@code scripts/upstream-crds.sh}, {@link TestPaths#upstreamCrds}) and Flux's source-controller and helm-controller ({@link #withFlux}). Each test
 * class takes its own namespace with {@link #newNamespace}.
 *
 * <p>Binaries come from {@code ${KUBE_API_TEST_DIR:-~/.kubeapitest}/k8s/<version>-linux-amd64}; offline (the
 * default here) {@code scripts/test-binaries.sh} builds them. Set {@code KUBE_API_TEST_OFFLINE_MODE=false} to let
 * kube-api-test download them instead. Missing binaries fail the test: they never skip it.
 */
public final class TestKubernetes {
    private static final String FIELD_MANAGER = "hearth-test-harness";
    private static TestKubernetes shared;

    private final KubeAPIServer apiServer;
    private final Path kubeconfig;
    private final Config config;
    private final KubernetesClient client;
    private final Path binaryDir;
    private final Path fluxDir;
    private final Path auditLog;
    private Process controllerManager;
    private FluxControllers flux;
    private boolean hearthCrdsInstalled;
    private final List<String> upstreamGroupsInstalled = new ArrayList<>();
    private final List<String> extraAppKinds = new ArrayList<>();

    private TestKubernetes() {
        var offline = !"false".equalsIgnoreCase(System.getenv(KubeAPIServerConfigBuilder.KUBE_API_TEST_OFFLINE_MODE));
        var version = TestPaths.kubernetesVersion();
        this.auditLog = TestPaths.auditLog();
        var serverConfig = KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withOfflineMode(offline)
                .withApiServerVersion(version)
                .withApiServerFlag("--bind-address", "127.0.0.1")
                .withApiServerFlag("--audit-policy-file", AuditLog.writePolicy().toString())
                .withApiServerFlag("--audit-log-path", auditLog.toString())
                .withApiServerFlag("--audit-log-format", "json")
                .withUpdateKubeConfig(false)
                .withStartupTimeout(120_000)
                .build();
        this.binaryDir = Path.of(serverConfig.getKubeAPITestDir(), "k8s", version + "-linux-amd64");
        this.fluxDir = Path.of(serverConfig.getKubeAPITestDir(), "flux");
        this.apiServer = new KubeAPIServer(serverConfig);
        try {
            apiServer.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot start the test API server (Kubernetes " + version + " from " + binaryDir
                            + "): run scripts/test-binaries.sh to build the binaries, or set KUBE_API_TEST_OFFLINE_MODE=false "
                            + "where kube-api-test can download them. Cause: " + e.getMessage(),
                    e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-kubernetes-stop"));
        try {
            this.kubeconfig = Files.createTempFile("hearth-test-kubeconfig", ".yaml");
            Files.writeString(kubeconfig, apiServer.getKubeConfigYaml());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.config = Config.fromKubeconfig(apiServer.getKubeConfigYaml());
        this.config.setRequestTimeout(30_000);
        this.client = new KubernetesClientBuilder().withConfig(config).build();
    }

    /** The JVM-wide API server, started on first use. */
    public static synchronized TestKubernetes shared() {
        if (shared == null) {
            shared = new TestKubernetes();
        }
        return shared;
    }

    /**
     * The API server's audit log (JSON lines, {@link AuditLog}): one entry per request of a non-admin identity, e.g.
     * a service acting as its ServiceAccount, so tests can see what an identity really did.
     */
    public Path auditLog() {
        return auditLog;
    }

    /** An admin client (group system:masters). */
    public KubernetesClient client() {
        return client;
    }

    public Config config() {
        return config;
    }

    /** Path of a kubeconfig file for this API server, with admin credentials. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /**
     * Copies {@link #kubeconfig()} to the file {@code $KUBECONFIG} names, for what reads only that variable: Helm's
     * {@code lookup()} in a helm-java render (the modules that render such charts point it at a file in target/).
     */
    public void copyKubeconfigToEnvironmentFile() throws IOException {
        Path target = Path.of(System.getenv("KUBECONFIG"));
        Files.createDirectories(target.getParent());
        Files.copy(kubeconfig, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Client properties for a Quarkus app under test: the URL and the client certificate of the admin user.
     */
    public Map<String, String> quarkusClientProperties() {
        return Map.of(
                "quarkus.kubernetes-client.api-server-url", config.getMasterUrl(),
                "quarkus.kubernetes-client.ca-cert-file", config.getCaCertFile(),
                "quarkus.kubernetes-client.client-cert-file", config.getClientCertFile(),
                "quarkus.kubernetes-client.client-key-file", config.getClientKeyFile(),
                "quarkus.kubernetes-client.trust-certs", "false");
    }

    /**
     * Client properties for a Quarkus app under test that acts as {@code service}'s ServiceAccount, with exactly the
     * rights the platform chart gives it ({@link PlatformChart#identityOf}): its RBAC objects are applied, and the
     * service authenticates with a token of its ServiceAccount, so a permission the chart lacks fails the test.
     */
    public synchronized Map<String, String> quarkusClientPropertiesAs(String service) {
        // the service's client must not also pick up a client certificate from $KUBECONFIG (some modules point it at
        // the admin kubeconfig for Helm's lookup()): with one, the API server would take it as the admin
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        var identity = PlatformChart.identityOf(service, extraAppKinds);
        if (identity.stream().noneMatch(o -> "ServiceAccount".equals(o.getKind()))) {
            throw new IllegalStateException("The platform chart has no ServiceAccount for " + service);
        }
        if (client.namespaces().withName(PlatformChart.NAMESPACE).get() == null) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(PlatformChart.NAMESPACE)
                            .addToLabels("hearth.dev/system", "true")
                            .endMetadata()
                            .build())
                    .serverSideApply();
        }
        for (var object : identity) {
            client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        }
        var token = client.serviceAccounts()
                .inNamespace(PlatformChart.NAMESPACE)
                .withName(service)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(24 * 3600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
        return Map.of(
                "quarkus.kubernetes-client.api-server-url",
                config.getMasterUrl(),
                "quarkus.kubernetes-client.ca-cert-file",
                config.getCaCertFile(),
                "quarkus.kubernetes-client.token",
                token,
                "quarkus.kubernetes-client.trust-certs",
                "false");
    }

    /**
     * What an administrator does who adds an ApplicationDefinition beside the built-in catalog: lists its app kinds in
     * the platform chart's {@code global.extraAppKinds}, so apps-catalog may serve them and tenant-service delete their
     * instances. Applies the services' RBAC rendered with those kinds (and all added before).
     */
    public synchronized TestKubernetes withExtraAppKinds(String... plurals) {
        for (String plural : plurals) {
            if (!extraAppKinds.contains(plural)) {
                extraAppKinds.add(plural);
            }
        }
        for (String service : List.of("apps-catalog", "tenant-service")) {
            for (var object : PlatformChart.identityOf(service, extraAppKinds)) {
                if (object.getKind().equals("ClusterRole")) {
                    client.resource(object)
                            .fieldManager(FIELD_MANAGER)
                            .forceConflicts()
                            .serverSideApply();
                }
            }
        }
        return this;
    }

    /** A client acting as {@code user} in {@code groups}, through impersonation, so RBAC decides. */
    public KubernetesClient impersonating(String user, String... groups) {
        var impersonated = Config.fromKubeconfig(apiServer.getKubeConfigYaml());
        impersonated.setImpersonateUsername(user);
        impersonated.setImpersonateGroups(groups);
        return new KubernetesClientBuilder().withConfig(impersonated).build();
    }

    /** Installs Hearth's CRDs (generated by platform-core) once, and waits until they are served. */
    public synchronized TestKubernetes withHearthCrds() {
        if (!hearthCrdsInstalled) {
            install(TestPaths.crdFiles(TestPaths.hearthCrds()));
            hearthCrdsInstalled = true;
        }
        return this;
    }

    /** Installs every CRD of the upstream-CRD cache ({@code scripts/upstream-crds.sh}, {@link TestPaths#upstreamCrds}) once. */
    public synchronized TestKubernetes withAllUpstreamCrds() {
        File[] groups = TestPaths.upstreamCrds().toFile().listFiles(File::isDirectory);
        for (File group : groups) {
            withUpstreamCrds(group.getName());
        }
        return this;
    }

    /** Installs the CRDs of the given API groups from the upstream-CRD cache ({@code scripts/upstream-crds.sh}, {@link TestPaths#upstreamCrds}), e.g. {@code cluster.x-k8s.io}. */
    public synchronized TestKubernetes withUpstreamCrds(String... groups) {
        List<Path> files = new ArrayList<>();
        for (String group : groups) {
            if (upstreamGroupsInstalled.contains(group)) {
                continue;
            }
            Path dir = TestPaths.upstreamCrds().resolve(group);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(
                        "No upstream CRDs for group " + group + " in " + TestPaths.upstreamCrds());
            }
            files.addAll(TestPaths.crdFiles(dir));
            upstreamGroupsInstalled.add(group);
        }
        install(files);
        return this;
    }

    /**
     * Starts kube-controller-manager once: the namespace, garbage-collector, serviceaccount, resourcequota (keeps each
     * ResourceQuota's usage real), clusterrole-aggregation (fills the {@code rules} of ClusterRoles with an
     * aggregationRule), deployment, replicaset, statefulset and daemonset controllers (their pods exist, and
     * {@link PlayedCloud} reports them ready, since no kubelet runs; with no node a DaemonSet wants no pod).
     */
    public synchronized TestKubernetes withControllerManager() {
        if (controllerManager != null && controllerManager.isAlive()) {
            return this;
        }
        Path binary = binaryDir.resolve("kube-controller-manager");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(
                    "kube-controller-manager not found at " + binary + ": run scripts/test-binaries.sh");
        }
        try {
            Path log = Files.createTempFile("hearth-kube-controller-manager", ".log");
            controllerManager = new ProcessBuilder(
                            binary.toString(),
                            "--kubeconfig",
                            kubeconfig.toString(),
                            "--controllers",
                            "namespace,garbagecollector,serviceaccount,resourcequota,clusterrole-aggregation,deployment,replicaset,statefulset,daemonset",
                            "--leader-elect=false",
                            "--bind-address",
                            "127.0.0.1",
                            "--secure-port",
                            "0",
                            "--concurrent-namespace-syncs",
                            "5",
                            "--concurrent-gc-syncs",
                            "10")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            System.out.println("kube-controller-manager started, log: " + log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start kube-controller-manager", e);
        }
        return this;
    }

    /** Starts Flux's source-controller and helm-controller once, with {@link FluxControllers.Options#defaults()}. */
    public TestKubernetes withFlux() {
        return withFlux(FluxControllers.Options.defaults());
    }

    /**
     * Installs the Flux CRDs ({@code source.toolkit.fluxcd.io}, {@code helm.toolkit.fluxcd.io} of the upstream CRDs,
     * plus those of the controllers' own release that the upstream CRDs lack, e.g. {@code Bucket}) and starts
     * source-controller and helm-controller once (see {@link FluxControllers}). Later calls return the running ones,
     * whatever their options.
     */
    public synchronized TestKubernetes withFlux(FluxControllers.Options options) {
        if (flux != null && flux.running()) {
            return this;
        }
        if (flux != null) {
            flux.stop();
        }
        withUpstreamCrds("source.toolkit.fluxcd.io", "helm.toolkit.fluxcd.io");
        List<Path> missing = new ArrayList<>();
        for (String controller : List.of(FluxControllers.SOURCE_CONTROLLER, FluxControllers.HELM_CONTROLLER)) {
            Path crds = FluxControllers.controllerDir(fluxDir, controller).resolve("crds");
            if (!Files.isDirectory(crds)) {
                throw new IllegalStateException(
                        "No CRDs of " + controller + " in " + crds + ": run scripts/test-binaries.sh");
            }
            for (Path file : TestPaths.crdFiles(crds)) {
                if (client.apiextensions()
                                .v1()
                                .customResourceDefinitions()
                                .withName(crdName(file))
                                .get()
                        == null) {
                    missing.add(file);
                }
            }
        }
        install(missing);
        flux = FluxControllers.start(fluxDir, kubeconfig, options);
        return this;
    }

    /** The running Flux controllers, or null before {@link #withFlux}. */
    public synchronized FluxControllers flux() {
        return flux;
    }

    /**
     * Stops kube-controller-manager: for a test that started it itself and needs it only for a while, so that the
     * garbage collector and the namespace controller do not act on what the module's other tests leave behind. Never
     * in a module whose tests ask for it through {@code KubeApiServerTestResource}: they would find it gone.
     */
    public synchronized TestKubernetes withoutControllerManager() {
        if (controllerManager != null) {
            controllerManager.destroy();
            try {
                controllerManager.waitFor(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            controllerManager.destroyForcibly();
            controllerManager = null;
        }
        return this;
    }

    public boolean controllerManagerRunning() {
        return controllerManager != null && controllerManager.isAlive();
    }

    /** Creates a fresh namespace {@code <prefix>-<random>} for one test class. */
    public String newNamespace(String prefix) {
        String name = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
        return name;
    }

    private void install(List<Path> files) {
        List<CustomResourceDefinition> crds = new ArrayList<>();
        for (Path file : files) {
            try (var in = Files.newInputStream(file)) {
                CustomResourceDefinition crd =
                        client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                crds.add(client.resource(crd)
                        .fieldManager(FIELD_MANAGER)
                        .forceConflicts()
                        .serverSideApply());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read CRD " + file, e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("The API server refused CRD " + file + ": " + e.getMessage(), e);
            }
        }
        for (CustomResourceDefinition crd : crds) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .waitUntilCondition(TestKubernetes::established, 60, TimeUnit.SECONDS);
        }
    }

    private String crdName(Path file) {
        try (var in = Files.newInputStream(file)) {
            return client.getKubernetesSerialization()
                    .unmarshal(in, CustomResourceDefinition.class)
                    .getMetadata()
                    .getName();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read CRD " + file, e);
        }
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private void stop() {
        if (flux != null) {
            flux.stop();
        }
        withoutControllerManager();
        client.close();
        apiServer.stop();
    }
}
