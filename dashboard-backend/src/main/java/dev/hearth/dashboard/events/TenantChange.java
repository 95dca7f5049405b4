package dev.hearth.dashboard.events;

/**
 * One change of a tenant's object as a server-sent event.
 *
 * @param id   the object's resourceVersion after the change (the event id a client resumes from)
 * @param type ADDED, MODIFIED or DELETED
 * @param data the JSON body: {@code {"type", "kind", "object"}}
 */
public record TenantChange(String id, String type, String data) {}
