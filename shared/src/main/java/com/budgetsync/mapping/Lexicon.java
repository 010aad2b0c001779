package com.budgetsync.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header words of each field and of the column kinds the mapper tells apart (actuals, original or revised budgets,
 * identifiers, free text), in many languages: read from {@code lexicon.txt} beside this class, where each line names
 * its language. Terms are stored normalised ({@link HeaderNames}); a term listed twice keeps its higher weight.
 */
final class Lexicon {
    static final String NOT_AMOUNT = "notAmount";
    static final String ACTUAL = "actual";
    static final String ORIGINAL = "original";
    static final String REVISED = "revised";
    static final String FREE_TEXT = "freeText";
    static final String TOTAL = "total";

    private static final Map<String, Map<String, Double>> TERMS = load();

    private Lexicon() {
    }

    static Map<String, Double> of(TargetField field) {
        return TERMS.getOrDefault(field.jsonName(), Map.of());
    }

    static Map<String, Double> of(String kind) {
        return TERMS.getOrDefault(kind, Map.of());
    }

    /** The first term of a kind that stands as a word (or, in scripts without spaces, inside) the header; else null. */
    static String wordIn(String kind, String normalizedHeader) {
        String padded = " " + normalizedHeader + " ";
        for (String term : of(kind).keySet()) {
            if (padded.contains(" " + term + " ") || !isLatin(term) && normalizedHeader.contains(term)) {
                return term;
            }
        }
        return null;
    }

    /** Latin-script (and digit) terms compare as whole words; others also inside a longer header. */
    static boolean isLatin(String term) {
        return term.codePoints().allMatch(c -> c < 0x0250 || c == ' ');
    }

    private static Map<String, Map<String, Double>> load() {
        Map<String, Map<String, Double>> terms = new LinkedHashMap<>();
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("lexicon.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String[] head = line.substring(0, colon).trim().split("\\s+");
                double weight = Double.parseDouble(head[1]);
                Map<String, Double> kind = terms.computeIfAbsent(head[0], k -> new LinkedHashMap<>());
                for (String term : line.substring(colon + 1).split("\\|")) {
                    String normalized = HeaderNames.normalize(term);
                    if (!normalized.isEmpty()) {
                        kind.merge(normalized, weight, Math::max);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terms.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        return Collections.unmodifiableMap(terms);
    }
}
