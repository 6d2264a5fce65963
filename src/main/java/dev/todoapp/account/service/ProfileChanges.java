package dev.todoapp.account.service;

import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;

/**
 * A PATCH of the profile as the client sent it: a field left out stays as it is (so a settings form
 * does not clear the name), {@code name: null} clears the name, and the mail settings take no null.
 */
public record ProfileChanges(boolean renames, String name, String timeZone, Boolean emailReminders, Boolean dailyDigest) {

    private static final Set<String> FIELDS = Set.of("name", "timeZone", "emailReminders", "dailyDigest");

    public static ProfileChanges of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "The request body must be a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            String field = fields.next().getKey();
            if (!FIELDS.contains(field)) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Unknown field "
                        + (field.matches("[A-Za-z0-9_]{1,64}") ? "'" + field + "'" : "in the body"));
            }
        }
        JsonNode name = body.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw wrongType("name");
        }
        return new ProfileChanges(name != null, name == null || name.isNull() ? null : name.textValue(),
                timeZone(body.get("timeZone")), flag(body, "emailReminders"), flag(body, "dailyDigest"));
    }

    /** An IANA region name ("Europe/Berlin", "UTC"); fixed offsets and abbreviations are refused. */
    private static String timeZone(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw value.isNull() ? DomainException.validation("timeZone", "must not be null") : wrongType("timeZone");
        }
        String zone = value.textValue();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw DomainException.validation("timeZone", "must be an IANA time zone name such as Europe/Berlin");
        }
        return zone;
    }

    private static Boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            throw DomainException.validation(field, "must not be null");
        }
        if (!value.isBoolean()) {
            throw wrongType(field);
        }
        return value.booleanValue();
    }

    private static DomainException wrongType(String field) {
        return new DomainException(ErrorCode.MALFORMED_REQUEST, field + " has the wrong type");
    }
}
