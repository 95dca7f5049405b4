package dev.hearth.dashboard.api;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.hearth.core.api.vm.RunStrategy;
import dev.hearth.dashboard.identity.ActingAs;
import dev.hearth.dashboard.identity.Caller;
import dev.hearth.dashboard.identity.CurrentCaller;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.security.Authenticated;

/**
 * Starts or stops a VM by setting its {@code spec.runStrategy} ({@code Always}, {@code Halted}) as the caller: a
 * merge patch, so nothing else of the VM is touched, and logged like every write. vm-service carries it to KubeVirt.
 */
@Path("/api/v1/tenants/{namespace}/apps/vminstances/{name}/{power: start|stop}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PowerResource {
    private static final String RESOURCE = "vminstances";

    @Inject
    CurrentCaller current;

    @Inject
    ActingAs actingAs;

    @Inject
    AppKinds kinds;

    @POST
    public Response power(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @PathParam("power") String power) {
        Caller caller = current.get();
        var context = kinds.context(caller, namespace, RESOURCE);
        String checked = AppKinds.checkedName(name);
        RunStrategy strategy = "start".equals(power) ? RunStrategy.Always : RunStrategy.Halted;
        String patch = "{\"spec\":{\"runStrategy\":\"" + strategy.name() + "\"}}";
        return WriteLog.logged(caller, power, namespace, RESOURCE, checked, false, () -> {
            var vm = actingAs.client(caller)
                    .genericKubernetesResources(context)
                    .inNamespace(namespace)
                    .withName(checked);
            if (vm.get() == null) {
                throw new NotFoundException("vminstance " + checked + " does not exist in " + namespace);
            }
            GenericKubernetesResource patched = vm.patch(
                    new PatchContext.Builder()
                            .withPatchType(PatchType.JSON_MERGE)
                            .build(),
                    patch);
            return Response.ok(Map.of("runStrategy", strategy.name(), "object", patched))
                    .build();
        });
    }
}
