package dev.dockdiet.rules;

import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rules.syntax.EmptyContinuation;
import dev.dockdiet.rules.syntax.SuppressionFindings;
import dev.dockdiet.rules.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of rules. An explicit list (no classpath scanning: the CLI starts on every
 * commit), sorted by id. Ids, aliases and names resolve to the canonical id.
 */
public final class Rules {

    /** DD190, found by {@code dockdiet image} in a built image rather than by linting. */
    public static final RuleMeta LAYER_WASTE = new RuleMeta(dev.dockdiet.size.engine.WasteFindings.RULE_ID,
            dev.dockdiet.size.engine.WasteFindings.RULE_NAME, dev.dockdiet.rule.Severity.WARNING,
            dev.dockdiet.rule.Category.SIZE, dev.dockdiet.rule.Fixability.NONE, List.of(),
            dev.dockdiet.size.engine.WasteFindings.RULE_SUMMARY);

    private static final List<Rule> ALL;
    private static final List<RuleMeta> METAS;
    private static final Map<String, String> RESOLVE = new HashMap<>();

    static {
        List<Rule> rules = new ArrayList<>(List.of(
                new SyntaxError(),
                new EmptyContinuation(),
                new dev.dockdiet.rules.syntax.InstructionBeforeFrom(),
                new dev.dockdiet.rules.syntax.InlineIgnorePragma(),
                new dev.dockdiet.rules.syntax.InvalidOnbuildTrigger(),
                new dev.dockdiet.rules.syntax.InvalidCheckDirective()));
        rules.addAll(dev.dockdiet.rules.size.SizeRules.all());
        rules.addAll(dev.dockdiet.rules.size.CacheRules.all());
        rules.addAll(dev.dockdiet.rules.size.MultiStageRules.all());
        rules.addAll(dev.dockdiet.rules.build.BuildRules.all());
        rules.addAll(dev.dockdiet.rules.security.SecurityRules.all());
        rules.addAll(dev.dockdiet.rules.style.StyleRules.all());
        rules.addAll(dev.dockdiet.rules.style.LabelRules.all());
        rules.sort(Comparator.comparing(r -> r.meta().id()));
        ALL = Collections.unmodifiableList(rules);
        List<RuleMeta> metas = new ArrayList<>();
        for (Rule r : ALL) {
            metas.add(r.meta());
        }
        // rules whose findings are made outside a rule class: suppressions, and the image command
        metas.add(SuppressionFindings.UNUSED);
        metas.add(SuppressionFindings.UNKNOWN_RULE);
        metas.add(LAYER_WASTE);
        metas.sort(Comparator.comparing(RuleMeta::id));
        METAS = List.copyOf(metas);
        for (RuleMeta m : METAS) {
            RESOLVE.put(m.id().toUpperCase(Locale.ROOT), m.id());
            RESOLVE.put(m.name().toUpperCase(Locale.ROOT), m.id());
            for (String a : m.aliases()) {
                RESOLVE.putIfAbsent(a.toUpperCase(Locale.ROOT), m.id());
            }
        }
    }

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    /** Every rule's metadata, sorted by id, those without a rule class included. */
    public static List<RuleMeta> metas() {
        return METAS;
    }

    /** The canonical id for an id, alias ({@code DL3008}, {@code JSONArgsRecommended}) or name. */
    public static Optional<String> resolve(String idAliasOrName) {
        if (idAliasOrName == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(RESOLVE.get(idAliasOrName.trim().toUpperCase(Locale.ROOT)));
    }

    public static Optional<RuleMeta> meta(String idAliasOrName) {
        return resolve(idAliasOrName).flatMap(id -> metas().stream().filter(m -> m.id().equals(id)).findFirst());
    }
}
