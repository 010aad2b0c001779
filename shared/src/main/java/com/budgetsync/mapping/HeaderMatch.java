package com.budgetsync.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How strongly a header names a field: the term's weight for a lexicon term (1.0 for the field's own names), less for
 * a term inside a longer header ("Budget Amount USD"), a German-style compound ("Haushaltsansatz") or a typo
 * ("Departmnet", "Bugdet Amt" — the mean of Levenshtein and Jaro-Winkler similarity), low for a header that names
 * something else ("Actual", "Notes", "Org Code" for an amount).
 */
record HeaderMatch(double score, String explanation) {
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final double CONTAINED = 0.9;
    private static final double COMPOUND = 0.8;
    private static final int COMPOUND_MIN = 5;
    private static final double TYPO_FLOOR = 0.8;
    private static final double NAMES_SOMETHING_ELSE = 0.2;
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, HeaderMatch> CACHE = new ConcurrentHashMap<>();

    static final HeaderMatch NONE = new HeaderMatch(0, null);

    static HeaderMatch of(TargetField field, String header) {
        String key = field.ordinal() + "\u001F" + header;
        HeaderMatch cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        HeaderMatch match = compute(field, header);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, match);
        }
        return match;
    }

    boolean exact() {
        return score >= 1.0;
    }

    private static HeaderMatch compute(TargetField field, String header) {
        String name = HeaderNames.normalize(header);
        if (name.isEmpty()) {
            return NONE;
        }
        String other = namesSomethingElse(field, name);
        if (other != null) {
            return new HeaderMatch(NAMES_SOMETHING_ELSE, "header '" + header + "' names " + other);
        }
        HeaderMatch best = NONE;
        for (Map.Entry<String, Double> term : Lexicon.of(field).entrySet()) {
            HeaderMatch match = match(header, name, term.getKey(), term.getValue());
            if (match.score > best.score) {
                best = match;
            }
        }
        return best;
    }

    private static HeaderMatch match(String header, String name, String term, double weight) {
        if (name.equals(term)) {
            return new HeaderMatch(weight, "header '" + header + "' = synonym '" + term + "'");
        }
        if ((" " + name + " ").contains(" " + term + " ") || !Lexicon.isLatin(term) && name.contains(term)) {
            return new HeaderMatch(weight * CONTAINED, "header '" + header + "' contains synonym '" + term + "'");
        }
        if (!Lexicon.isLatin(term) || name.length() < 4 || term.length() < 4) {
            return NONE;
        }
        if (term.length() >= COMPOUND_MIN && compound(name, term)) {
            return new HeaderMatch(weight * COMPOUND, "header '" + header + "' is a compound of synonym '" + term + "'");
        }
        double similarity = typo(name, term);
        if (similarity < TYPO_FLOOR) {
            return NONE;
        }
        return new HeaderMatch(weight * similarity, "header '" + header + "' ≈ synonym '" + term + "' ("
                + String.format(Locale.ROOT, "%.2f", similarity) + ")");
    }

    /**
     * How close a header is to a term it may misspell: word by word, so "Budget Amount" is no typo of "Budget Unit";
     * short words must match exactly. 0 when the words do not pair up.
     */
    private static double typo(String name, String term) {
        String[] words = name.split(" ");
        String[] termWords = term.split(" ");
        if (words.length != termWords.length
                || Math.abs(name.length() - term.length()) > Math.max(name.length(), term.length()) / 4) {
            return 0;
        }
        for (int i = 0; i < words.length; i++) {
            if (!words[i].equals(termWords[i]) && (words[i].length() < 4 || similarity(words[i], termWords[i]) < TYPO_FLOOR)) {
                return 0;
            }
        }
        return similarity(name, term);
    }

    private static double similarity(String a, String b) {
        double levenshtein = 1.0 - (double) LEVENSHTEIN.apply(a, b) / Math.max(a.length(), b.length());
        return (levenshtein + JARO_WINKLER.apply(a, b)) / 2;
    }

    /** A word of the header that begins or ends with the term and is longer: "haushaltsansatz", "kostenstellen". */
    private static boolean compound(String name, String term) {
        for (String word : name.split(" ")) {
            if (word.length() >= term.length() + 2 && (word.startsWith(term) || word.endsWith(term))) {
                return true;
            }
        }
        return false;
    }

    private static String namesSomethingElse(TargetField field, String name) {
        String word = switch (field) {
            case AMOUNT -> firstOf(name, Lexicon.NOT_AMOUNT, Lexicon.ACTUAL);
            case DEPARTMENT, SUB_CATEGORY -> firstOf(name, Lexicon.FREE_TEXT);
            default -> null;
        };
        return word == null ? null : "'" + word + "', not " + field.jsonName();
    }

    private static String firstOf(String name, String... kinds) {
        for (String kind : kinds) {
            String word = Lexicon.wordIn(kind, name);
            if (word != null) {
                return word;
            }
        }
        return null;
    }
}
