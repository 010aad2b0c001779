package com.budgetsync.mapping;

import com.budgetsync.domain.FiscalPeriod;
import com.budgetsync.domain.PeriodType;
import com.budgetsync.normalize.FiscalPeriodParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A period inside text that also holds words: a header ({@code FY2019 Adopted}, {@code Plan_2021},
 * {@code 2020 Budget (revised)}, {@code Q3-22 Forecast}), a file name ({@code budget_2018.csv}) or a title row. The
 * longest run of tokens that reads as a period wins; the other tokens are the words, normalised.
 */
public record PeriodText(String text, FiscalPeriod period, boolean part, String words) {
    private static final FiscalPeriodParser PERIODS = new FiscalPeriodParser(1);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_()\\[\\],;:|+*#=]+");
    private static final Pattern LETTERS_DIGITS = Pattern.compile("(?<=\\p{L})(?=\\d)|(?<=\\d)(?=\\p{L})");
    private static final int MAX_RUN = 4;
    private static final int MAX_TOKENS = 40;

    /** The period part of a wide export's column header ("FY2019" of "FY2019 Adopted"); the header without one. */
    public static String periodOf(String header) {
        return find(header).or(() -> findPart(header)).map(PeriodText::text).orElse(header);
    }

    /** A complete period (with its year) in the text. */
    static Optional<PeriodText> find(String text) {
        return search(text, false);
    }

    /** A month or quarter without a year ({@code Jan}, {@code Budget Q1}), when the text holds no complete period. */
    static Optional<PeriodText> findPart(String text) {
        return search(text, true);
    }

    /** A fiscal year named in a file name or title (months or dates there are export stamps, not budget periods). */
    static Optional<PeriodText> findYear(String text) {
        return search(text, false, p -> p.type() == PeriodType.YEAR);
    }

    private static Optional<PeriodText> search(String text, boolean parts) {
        return search(text, parts, p -> true);
    }

    private static Optional<PeriodText> search(String text, boolean parts, Predicate<FiscalPeriod> wanted) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> tokens = tokens(text);
        for (int length = Math.min(MAX_RUN, tokens.size()); length >= 1; length--) {
            for (int start = 0; start + length <= tokens.size(); start++) {
                String run = String.join(" ", tokens.subList(start, start + length));
                Optional<FiscalPeriod> period = (parts
                        ? PERIODS.parse("FY2000 " + run).filter(p -> p.type() != PeriodType.YEAR)
                        : PERIODS.parse(run)).filter(wanted);
                if (period.isPresent() && run.chars().anyMatch(c -> Character.isLetterOrDigit(c))) {
                    List<String> rest = new ArrayList<>(tokens.subList(0, start));
                    rest.addAll(tokens.subList(start + length, tokens.size()));
                    return Optional.of(new PeriodText(run, period.get(), parts,
                            HeaderNames.normalize(String.join(" ", rest))));
                }
            }
        }
        return Optional.empty();
    }

    /** Words and numbers; "Budget2021" splits into "Budget" and "2021", but "FY2021" and "Q3-22" stay whole. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : SEPARATORS.split(text.strip())) {
            if (token.isEmpty() || tokens.size() >= MAX_TOKENS) {
                continue;
            }
            if (PERIODS.parse(token).isPresent() || PERIODS.parse("FY2000 " + token).isPresent()) {
                tokens.add(token);
            } else {
                for (String piece : LETTERS_DIGITS.split(token)) {
                    tokens.add(piece);
                }
            }
        }
        return tokens;
    }
}
