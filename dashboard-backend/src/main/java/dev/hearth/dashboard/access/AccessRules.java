package dev.hearth.dashboard.access;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.hearth.dashboard.identity.ActingAs;
import dev.hearth.dashboard.identity.Caller;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;

/**
 * What a caller may do in a namespace, as the API server answers one SelfSubjectRulesReview asked as the caller, kept
 * per identity and namespace for {@link #TTL} and asked again in the background past half of it
 * ({@link RenewedAnswers}): every button of a page is answered from it without a review per button, and a caller who
 * keeps using the dashboard does not wait for the review either. Where the API server says its list is incomplete
 * (an authorizer besides RBAC), a question the list does not allow is asked as a SelfSubjectAccessReview.
 */
@ApplicationScoped
public class AccessRules {
    static final Duration TTL = Duration.ofSeconds(5);

    @Inject
    ActingAs actingAs;

    private record Key(Caller caller, String namespace) {}

    private record Cached(List<ResourceRule> rules, boolean incomplete) {}

    private final ExecutorService renewals = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "access-rules-renewal");
        thread.setDaemon(true);
        return thread;
    });
    private final RenewedAnswers<Key, Cached> cache =
            new RenewedAnswers<>(TTL, this::review, renewals, System::nanoTime);

    /**
     * @param subresource e.g. {@code start} of {@code virtualmachines/start}; null for the resource itself
     * @param name the object's name; null for a question about every object (list, create)
     */
    public boolean allows(
            Caller caller,
            String namespace,
            String group,
            String resource,
            String subresource,
            String verb,
            String name) {
        Cached rules = rules(caller, namespace);
        String qualified = subresource == null ? resource : resource + "/" + subresource;
        for (ResourceRule rule : rules.rules) {
            if (matches(rule, group, qualified, verb, name)) {
                return true;
            }
        }
        return rules.incomplete && reviewed(caller, namespace, group, resource, subresource, verb, name);
    }

    private Cached rules(Caller caller, String namespace) {
        return cache.get(new Key(caller, namespace));
    }

    /**
     * Asks the caller's rules in {@code namespace} again now, not from the cache; until the answer comes, questions
     * are answered from what was known.
     */
    public void renew(Caller caller, String namespace) {
        cache.renew(new Key(caller, namespace));
    }

    private Cached review(Key key) {
        SelfSubjectRulesReview review = actingAs.client(key.caller())
                .authorization()
                .v1()
                .selfSubjectRulesReview()
                .create(new SelfSubjectRulesReviewBuilder()
                        .withNewSpec()
                        .withNamespace(key.namespace())
                        .endSpec()
                        .build());
        var status = review.getStatus();
        return new Cached(
                status == null || status.getResourceRules() == null ? List.of() : status.getResourceRules(),
                status == null || Boolean.TRUE.equals(status.getIncomplete()));
    }

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
    }

    static boolean matches(ResourceRule rule, String group, String resource, String verb, String name) {
        return covers(rule.getApiGroups(), group)
                && covers(rule.getResources(), resource)
                && covers(rule.getVerbs(), verb)
                && (rule.getResourceNames() == null
                        || rule.getResourceNames().isEmpty()
                        || (name != null && rule.getResourceNames().contains(name)));
    }

    private static boolean covers(List<String> values, String value) {
        return values != null && (values.contains("*") || values.contains(value));
    }

    private boolean reviewed(
            Caller caller,
            String namespace,
            String group,
            String resource,
            String subresource,
            String verb,
            String name) {
        return asked(
                caller,
                new ResourceAttributesBuilder()
                        .withNamespace(namespace)
                        .withGroup(group)
                        .withResource(resource)
                        .withSubresource(subresource)
                        .withVerb(verb)
                        .withName(name)
                        .build());
    }

    /** One SelfSubjectAccessReview of {@code action}, asked as the caller now: uncached, for a question asked anew. */
    public boolean asked(Caller caller, ResourceAttributes action) {
        var answer = actingAs.client(caller)
                .authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(new SelfSubjectAccessReviewBuilder()
                        .withNewSpec()
                        .withResourceAttributes(action)
                        .endSpec()
                        .build());
        return answer.getStatus() != null
                && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }
}
