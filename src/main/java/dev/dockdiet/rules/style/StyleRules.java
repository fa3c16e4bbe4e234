package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Rule;
import java.util.List;

/** The style and maintainability rules (DD4xx). {@link dev.dockdiet.rules.Rules} collects every group. */
public final class StyleRules {

    private StyleRules() {
    }

    public static List<Rule> all() {
        return List.of(new CdInsteadOfWorkdir(), new InappropriateCommand(), new WgetWithoutProgress(),
                new MaintainerDeprecated(), new InconsistentInstructionCasing(), new FromAsCasing(),
                new StageNameCasing(), new LegacyKeyValueFormat(), new ExposeProtoCasing(), new ConsecutiveRun(),
                new CurlAndWget(), new InvalidLabelKey(), new ExposeInvalid(),
                new InvalidDefinitionDescription());
    }
}
