package com.budgetsync.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.corpus.CorpusVerdict.Outcome;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The safety rule on real files: no corpus file imports with a wrong field. Also prints the benchmark's table, so a
 * failing build shows which file and why.
 */
class RealCorpusTest {
    @Test
    void noRealFileMapsWrongWithConfidence() {
        List<CorpusAnswer> answers = RealCorpus.answers(RealCorpus.DIR);
        Assumptions.assumeFalse(answers.isEmpty(), "no corpus yet: " + RealCorpus.DIR);
        List<RealCorpus.Run> runs = answers.stream().map(a -> RealCorpus.run(RealCorpus.DIR, a)).toList();
        MappingBenchmark.print(runs, System.out);
        List<String> wrong = runs.stream().filter(r -> r.outcome() == Outcome.WRONG_CONFIDENT)
                .map(r -> r.answer().file() + ": " + r.verdict().wrong()).toList();
        assertTrue(wrong.isEmpty(), "imported with a wrong field: " + wrong);
    }
}
