package dev.todoapp.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.smallrye.health.api.HealthContentFilter;

/**
 * /q/health is public (the Space and the probes reach only the public port): every answer is cut to
 * check names and UP/DOWN. Data that a check attaches (Quarkus' own database check puts its connection
 * error there) never leaves; operators read numbers on /q/metrics and causes in the log.
 */
@ApplicationScoped
public class PublicHealth implements HealthContentFilter {

    @Override
    public JsonObject filter(JsonObject payload) {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        JsonValue all = payload.get("checks");
        if (all != null && all.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue check : all.asJsonArray()) {
                JsonObject object = check.asJsonObject();
                checks.add(Json.createObjectBuilder()
                        .add("name", object.getString("name", "unnamed"))
                        .add("status", object.getString("status", "DOWN")));
            }
        }
        return Json.createObjectBuilder()
                .add("status", payload.getString("status", "DOWN"))
                .add("checks", checks)
                .build();
    }
}
