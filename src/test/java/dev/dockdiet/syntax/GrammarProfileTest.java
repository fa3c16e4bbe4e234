package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.syntax.antlr.DockerfileLexer;
import dev.dockdiet.syntax.antlr.DockerfileParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.AmbiguityInfo;
import org.antlr.v4.runtime.atn.DecisionInfo;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.junit.jupiter.api.Test;

/**
 * ANTLR's profiler over the whole corpus: the Dockerfile grammar has no ambiguous decision, the
 * parser never errs, and the lexer never fails to recognise input.
 */
@NeedsCorpus
class GrammarProfileTest {

    private static final class Errors extends BaseErrorListener {
        final List<String> messages = new ArrayList<>();

        @Override
        public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
            messages.add(line + ":" + col + " " + msg);
        }
    }

    @Test
    void noAmbiguityOverTheCorpus() {
        List<Corpus.Entry> files = Corpus.load();
        long sllDecisions = 0;
        long llFallbacks = 0;
        int llReparses = 0;
        List<String> ambiguities = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Corpus.Entry e : files) {
            String text = e.text().startsWith("\uFEFF") ? e.text().substring(1) : e.text();
            // 1. the production path (SLL with bail-out, LL on failure), profiled
            DockerfileLexer lexer = ModelBuilder.lexer(text);
            Errors lexErrors = new Errors();
            lexer.addErrorListener(lexErrors);
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            DockerfileParser parser = new DockerfileParser(tokens);
            parser.removeErrorListeners();
            Errors parseErrors = new Errors();
            parser.addErrorListener(parseErrors);
            parser.setProfile(true);
            ModelBuilder.parseTree(parser, tokens);
            if (parser.getInterpreter().getPredictionMode() == PredictionMode.LL) {
                llReparses++;
            }
            for (DecisionInfo d : parser.getParseInfo().getDecisionInfo()) {
                sllDecisions += d.invocations;
                llFallbacks += d.LL_Fallback;
                for (AmbiguityInfo a : d.ambiguities) {
                    ambiguities.add(e.file() + ": decision " + a.decision + " at token " + a.startIndex);
                }
            }
            lexErrors.messages.forEach(m -> errors.add(e.file() + ": lexer " + m));
            parseErrors.messages.forEach(m -> errors.add(e.file() + ": parser " + m));

            // 2. full LL with exact ambiguity detection: SLL alone never reports ambiguities
            DockerfileLexer lexer2 = ModelBuilder.lexer(text);
            lexer2.removeErrorListeners();
            CommonTokenStream tokens2 = new CommonTokenStream(lexer2);
            DockerfileParser exact = new DockerfileParser(tokens2);
            exact.removeErrorListeners();
            exact.setProfile(true);
            exact.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
            exact.dockerfile();
            for (DecisionInfo d : exact.getParseInfo().getDecisionInfo()) {
                for (AmbiguityInfo a : d.ambiguities) {
                    ambiguities.add(e.file() + ": exact decision " + a.decision + " ("
                            + DockerfileParser.ruleNames[exact.getATN().decisionToState.get(a.decision).ruleIndex]
                            + ") at token " + a.startIndex);
                }
            }
            assertThat(tokens2.getTokens()).last().extracting(Token::getType).isEqualTo(Token.EOF);
        }
        System.out.printf("profile: %d files, %d decisions, %d LL fallbacks, %d LL re-parses, %d ambiguities%n",
                files.size(), sllDecisions, llFallbacks, llReparses, ambiguities.size());
        assertThat(errors).isEmpty();
        assertThat(ambiguities).isEmpty();
        assertThat(llReparses).isZero();
    }
}
