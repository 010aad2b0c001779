package com.budgetsync.corpus;

import com.budgetsync.mapping.HeaderNames;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a careful finance analyst says one real corpus file maps to (an entry of {@code answers.json}). A field's answer
 * is a header, a list of acceptable headers, {@code "*"} (anything will do) or null (no column for it).
 */
record CorpusAnswer(String file, String language, String layout, boolean ambiguous, JsonNode department,
                    JsonNode fiscalPeriod, JsonNode periodColumns, JsonNode periodFrom, JsonNode amount,
                    JsonNode subCategory, JsonNode currency, String note) {

    static CorpusAnswer of(JsonNode n) {
        return new CorpusAnswer(n.path("file").asText(), n.path("language").asText(null),
                n.path("layout").asText("long"), n.path("ambiguous").asBoolean(false), n.get("department"),
                n.get("fiscalPeriod"), n.get("periodColumns"), n.get("periodFrom"), n.get("amount"),
                n.get("subCategory"), n.get("currency"), n.path("note").asText(null));
    }

    boolean wide() {
        return "wide".equalsIgnoreCase(layout);
    }

    static boolean isAny(JsonNode answer) {
        return answer != null && answer.isTextual() && answer.asText().equals("*");
    }

    static boolean isNone(JsonNode answer) {
        return answer == null || answer.isNull() || answer.isArray() && answer.isEmpty();
    }

    /** The acceptable headers of an answer, normalised as the mapper compares headers. */
    static List<String> headers(JsonNode answer) {
        List<String> headers = new ArrayList<>();
        if (answer == null || answer.isNull()) {
            return headers;
        }
        if (answer.isArray()) {
            answer.forEach(h -> headers.add(HeaderNames.normalize(h.asText())));
        } else {
            headers.add(HeaderNames.normalize(answer.asText()));
        }
        return headers;
    }

    /** Whether a single mapped column (null: none) is what the answer accepts. */
    static boolean accepts(JsonNode answer, String column) {
        if (isAny(answer)) {
            return true;
        }
        if (isNone(answer)) {
            return column == null;
        }
        return column != null && headers(answer).contains(HeaderNames.normalize(column));
    }
}
