package dev.todoapp.support;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of /q/metrics on the management port, as Prometheus would scrape it. */
public record Scrape(String text) {

    public static Scrape of(URL metrics) {
        return new Scrape(given().get(metrics).then().statusCode(200).extract().asString());
    }

    /**
     * The value of the sample {@code name} whose labels include every {@code label="value"} given
     * (e.g. {@code "kind=\"password_reset\""}); 0 when there is no such sample.
     */
    public double value(String name, String... labels) {
        // label values may hold braces themselves (uri="/api/todos/{id}"); possessive quantifiers, because
        // a backtracking alternation per character overflows the stack on long label sets
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{(?:[^\"}]++|\"(?:[^\"\\\\]++|\\\\.)*+\")*+})? (\\S+)$").matcher(text);
        double sum = 0;
        while (line.find()) {
            String set = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= set.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    /** Whether any sample of {@code name} (with any labels) is exposed. */
    public boolean has(String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(text).find();
    }
}
