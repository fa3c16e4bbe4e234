package dev.dockdiet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.DecisionInfo;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;

import dev.dockdiet.shell.antlr.ShellLexer;
import dev.dockdiet.shell.antlr.ShellParser;

/**
 * The shell grammar must be SLL and unambiguous on real scripts: every corpus script that LL
 * parses without errors must also parse with SLL prediction (no fallback needed), and profiling
 * the LL parse must report zero ambiguities.
 */
class ShellGrammarProfileTest {

    private static final String[] SAMPLES = {
        "apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*",
        "if [ -f x ]; then make; elif b; then c; else d; fi",
        "for f in *; do rm $f; done; for g do echo $g; done",
        "while read l; do echo \"$l\"; done < f | tee x",
        "case $A in a|b) x;; (c) y ;& *) ;; esac",
        "f() { a; }; function g { b; }",
        "A=(1 2\n 3) B=x cmd $(sub \"$(inner)\") `bt` <(p) 2>&1 >f <<<s",
        "cat <<EOF | sh\nbody\nEOF\n! x || y &",
    };

    @Test
    void grammarIsSllAndUnambiguous() {
        List<String> scripts = new ArrayList<>(List.of(SAMPLES));
        // the samples always; the corpus's RUN scripts too when ../shared/corpus is present
        if (dev.dockdiet.syntax.SharedFiles.corpus().isPresent()) {
            scripts.addAll(CorpusScripts.load(CorpusScripts.corpus()));
        } else {
            System.err.println("[WARNING] ShellGrammarProfileTest: no shared/corpus: profiled the "
                    + SAMPLES.length + " built-in samples only (CI profiles the corpus too)");
        }

        long[] ambiguities = null;
        long[] fallbacks = null;
        String[] ruleOf = null;
        int clean = 0;
        List<String> sllFailures = new ArrayList<>();
        for (String script : scripts) {
            // full LL with profiling
            ShellParser ll = parser(script);
            ll.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
            ll.setProfile(true);
            int[] errors = {0};
            ll.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> r, Object o, int l, int c, String m, RecognitionException e) {
                    errors[0]++;
                }
            });
            ll.script();
            if (errors[0] > 0) {
                assertThat(List.of(SAMPLES)).as("sample must parse: " + script).doesNotContain(script);
                continue; // broken or non-sh scripts (PowerShell) say nothing about ambiguity
            }
            clean++;
            DecisionInfo[] info = ll.getParseInfo().getDecisionInfo();
            if (ambiguities == null) {
                ambiguities = new long[info.length];
                fallbacks = new long[info.length];
                ruleOf = new String[info.length];
                for (int d = 0; d < info.length; d++) {
                    ruleOf[d] = ShellParser.ruleNames[ll.getATN().getDecisionState(d).ruleIndex];
                }
            }
            for (int d = 0; d < info.length; d++) {
                ambiguities[d] += info[d].ambiguities.size();
                fallbacks[d] += info[d].LL_Fallback;
            }
            // SLL with bail: must succeed on every script LL accepts
            ShellParser sll = parser(script);
            sll.getInterpreter().setPredictionMode(PredictionMode.SLL);
            sll.setErrorHandler(new BailErrorStrategy());
            try {
                sll.script();
            } catch (ParseCancellationException e) {
                sllFailures.add(script);
            }
        }
        List<String> report = new ArrayList<>();
        long totalAmbiguities = 0;
        long totalFallbacks = 0;
        for (int d = 0; d < ambiguities.length; d++) {
            totalAmbiguities += ambiguities[d];
            totalFallbacks += fallbacks[d];
            if (ambiguities[d] > 0 || fallbacks[d] > 0) {
                report.add("decision " + d + " in rule " + ruleOf[d] + ": " + ambiguities[d] + " ambiguities, "
                        + fallbacks[d] + " LL fallbacks");
            }
        }
        System.out.printf("shell grammar profile: %d clean scripts, %d ambiguities, %d LL fallbacks, %d SLL failures%n",
                clean, totalAmbiguities, totalFallbacks, sllFailures.size());
        report.forEach(r -> System.out.println("  " + r));
        assertThat(clean).isGreaterThan(SAMPLES.length - 1);
        assertThat(report).isEmpty();
        assertThat(sllFailures).isEmpty();
    }

    private static ShellParser parser(String script) {
        ShellLexer lexer = new ShellLexer(CodePointCharStream.fromBuffer(
                CodePointBuffer.withChars(CharBuffer.wrap(script.toCharArray()))));
        lexer.removeErrorListeners();
        ShellParser p = new ShellParser(new CommonTokenStream(lexer));
        p.removeErrorListeners();
        return p;
    }
}
