package dev.dockdiet.config;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Comment;
import dev.dockdiet.syntax.Directives;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit's {@code # check=} directive applied to the findings of the rules that are BuildKit
 * checks (those with a BuildKit check name among their aliases), as BuildKit's linter applies it:
 *
 * <ul>
 * <li>{@code skip=Name1,Name2} drops those checks' findings; {@code skip=all} drops every BuildKit
 *     check's findings. Names are case-sensitive; unknown names are ignored. dockdiet's other rules
 *     (hadolint's, the size and security rules) are not BuildKit checks and are not affected:
 *     silence them with {@code # dockdiet ignore=} or the configuration.</li>
 * <li>{@code experimental=Name|all} turns on BuildKit's experimental checks
 *     ({@code InvalidDefinitionDescription}), which are off by default; {@code skip} never applies to
 *     them.</li>
 * <li>{@code error=true} turns the remaining findings of BuildKit checks into errors, so the exit
 *     code fails the run as {@code docker build} fails; other rules keep their severity.</li>
 * <li>A {@code # check=} comment right above an instruction (among the comments since the
 *     previous instruction) adds its skips and experimental checks for that instruction only; its
 *     {@code error=} is ignored, and so is a comment BuildKit cannot read. It does not apply to the
 *     checks BuildKit runs file-wide ({@code NoEmptyContinuation}, {@code ConsistentInstructionCasing},
 *     {@code DuplicateStageName}, {@code ReservedStageName}, {@code InvalidDefaultArgInFrom},
 *     {@code InvalidBaseImagePlatform}). For {@code MultipleInstructionsDisallowed} the comment above
 *     the later instruction counts, although the finding is on the earlier one.</li>
 * <li>A directive BuildKit cannot read fails its build; dockdiet reports it (DD010) and applies
 *     none of it.</li>
 * </ul>
 */
public final class CheckDirective {

    /** BuildKit's build checks (its {@code linter/ruleset.go}). */
    public static final Set<String> BUILDKIT_CHECKS = Set.of("StageNameCasing", "FromAsCasing",
            "NoEmptyContinuation", "ConsistentInstructionCasing", "DuplicateStageName", "ReservedStageName",
            "JSONArgsRecommended", "MaintainerDeprecated", "UndefinedArgInFrom", "WorkdirRelativePath",
            "UndefinedVar", "MultipleInstructionsDisallowed", "LegacyKeyValueFormat", "InvalidBaseImagePlatform",
            "RedundantTargetPlatform", "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom",
            "FromPlatformFlagConstDisallowed", "CopyIgnoredFile", "InvalidDefinitionDescription",
            "ExposeProtoCasing", "ExposeInvalidFormat");

    /** The checks BuildKit runs only when {@code experimental=} names them. */
    public static final Set<String> EXPERIMENTAL = Set.of("InvalidDefinitionDescription");

    private static final Set<String> FILE_LEVEL = Set.of("NoEmptyContinuation", "ConsistentInstructionCasing",
            "DuplicateStageName", "ReservedStageName", "InvalidBaseImagePlatform", "InvalidDefaultArgInFrom");

    private static final Pattern COMMENT = Pattern.compile(
            "check[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Directives.CheckOptions NONE = new Directives.CheckOptions(false, List.of(), false, List.of(),
            false);

    private final Dockerfile file;
    private final Directives.CheckOptions options;

    private CheckDirective(Dockerfile file, Directives.CheckOptions options) {
        this.file = file;
        this.options = options;
    }

    /** The file's directive; no options when it has none or BuildKit cannot read it. */
    public static CheckDirective of(Dockerfile file) {
        Optional<Directives.Found> found = Directives.parseDirective("check", file.text());
        Directives.CheckOptions o = NONE;
        if (found.isPresent()) {
            try {
                o = Directives.parseCheck(found.get().value());
            } catch (Directives.DirectiveException e) {
                o = NONE; // reported as DD010
            }
        }
        return new CheckDirective(file, o);
    }

    public Directives.CheckOptions options() {
        return options;
    }

    /** The BuildKit check names among a rule's aliases. */
    public static List<String> checkNames(RuleMeta rule) {
        return rule.aliases().stream().filter(BUILDKIT_CHECKS::contains).toList();
    }

    /** True if the directive (file-wide or above some instruction) turns on one of the rule's experimental checks. */
    public boolean enablesExperimental(RuleMeta rule) {
        List<String> names = checkNames(rule);
        if (names.stream().noneMatch(EXPERIMENTAL::contains)) {
            return false;
        }
        if (experimentalOn(options, names)) {
            return true;
        }
        for (Instruction i : file.instructions()) {
            Directives.CheckOptions c = fromComments(i);
            if (c != null && experimentalOn(c, names)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the directive to findings.
     *
     * @param configEnabled whether the configuration turned a rule (canonical id) on by name, which
     *     keeps an experimental check's findings whatever the directive says
     */
    public List<Finding> apply(List<Finding> findings, Predicate<String> configEnabled) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<String> names = checkNames(f.rule());
            if (names.isEmpty()) {
                out.add(f);
                continue;
            }
            Directives.CheckOptions o = options;
            if (names.stream().anyMatch(n -> !FILE_LEVEL.contains(n))) {
                Directives.CheckOptions local = fromComments(commentHolder(f, names));
                if (local != null) {
                    o = merge(o, local);
                }
            }
            boolean experimental = names.stream().anyMatch(EXPERIMENTAL::contains);
            if (experimental) {
                if (!experimentalOn(o, names) && !configEnabled.test(f.rule().id())) {
                    continue;
                }
            } else if (o.skipAll() || names.stream().anyMatch(o.skip()::contains)) {
                continue;
            }
            out.add(options.error() ? f.withSeverity(Severity.ERROR) : f);
        }
        return out;
    }

    private static boolean experimentalOn(Directives.CheckOptions o, List<String> names) {
        return o.experimentalAll() || names.stream().anyMatch(o.experimental()::contains);
    }

    private static Directives.CheckOptions merge(Directives.CheckOptions a, Directives.CheckOptions b) {
        Set<String> skip = new HashSet<>(a.skip());
        skip.addAll(b.skip());
        Set<String> exp = new HashSet<>(a.experimental());
        exp.addAll(b.experimental());
        return new Directives.CheckOptions(a.skipAll() || b.skipAll(), List.copyOf(skip),
                a.experimentalAll() || b.experimentalAll(), List.copyOf(exp), a.error());
    }

    /** The instruction whose comments configure a finding: the one it is in (the later one for MultipleInstructionsDisallowed). */
    private Instruction commentHolder(Finding f, List<String> names) {
        Instruction at = null;
        for (Instruction i : file.instructions()) {
            if (i.range().start() <= f.range().start()
                    && (f.range().start() < i.range().end() || f.range().start() == i.range().start())) {
                at = i;
                break;
            }
        }
        if (at == null || !names.contains("MultipleInstructionsDisallowed")) {
            return at;
        }
        Optional<Stage> stage = file.stageOf(at);
        if (stage.isEmpty()) {
            return at;
        }
        List<Instruction> in = stage.get().instructions();
        for (int k = in.indexOf(at) + 1; k < in.size(); k++) {
            if (in.get(k).keyword().equals(at.keyword())) {
                return in.get(k);
            }
        }
        return at;
    }

    /**
     * The first readable {@code check=} among an instruction's comments, or null. An indented
     * comment keeps its {@code #} in BuildKit's PrevComment, so it never matches there either.
     */
    private Directives.CheckOptions fromComments(Instruction i) {
        if (i == null) {
            return null;
        }
        for (Comment c : i.node().comments()) {
            if (!file.lineText(c.range().startLine()).startsWith("#")) {
                continue;
            }
            Matcher m = COMMENT.matcher(c.text());
            if (!m.matches()) {
                continue;
            }
            String v = m.group(1);
            int sp = v.indexOf(' ');
            try {
                return Directives.parseCheck(sp < 0 ? v : v.substring(0, sp));
            } catch (Directives.DirectiveException e) {
                return null; // BuildKit ignores an unreadable comment
            }
        }
        return null;
    }
}
