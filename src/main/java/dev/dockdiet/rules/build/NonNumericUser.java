package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Quotes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DD245: hadolint's DL3066: USER with a name instead of a numeric uid. The name is resolved
 * through the image's {@code /etc/passwd}; the host (Kubernetes' {@code runAsNonRoot}, volume
 * permissions) only sees numbers. A user given by a variable ({@code USER $UID}) is accepted:
 * hadolint accepts declared ARGs only, but base images set numeric ids in ENV for this (.NET's
 * {@code USER $APP_UID}); and so are Windows' {@code ContainerAdministrator} and
 * {@code ContainerUser}, which have no numeric form.
 */
public final class NonNumericUser implements Rule {

    public static final RuleMeta META = new RuleMeta("DD245", "non-numeric-user", Severity.INFO, Category.BUILD,
            Fixability.NONE, List.of("DL3066"), "A non-numeric user id may not be resolvable by the host");

    private static final Pattern VARIABLE = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z0-9_]*|\\{[A-Za-z_][A-Za-z0-9_]*(?:[:?+-][^}]*)?})");
    private static final Set<String> WINDOWS = Set.of("containeradministrator", "containeruser");
    private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> args = new HashSet<>();
        for (Instruction raw : ctx.file().instructions()) {
            Instruction i = Walk.inner(raw);
            if (i instanceof Instruction.Arg a) {
                a.definitions().forEach(d -> args.add(d.name()));
            } else if (i instanceof Instruction.User u && u.user() != null) {
                String user = Quotes.unquoteTrimmed(u.user().text());
                int colon = colonOutsideBraces(user);
                String uid = colon >= 0 ? user.substring(0, colon) : user;
                if (uid.isEmpty() || uid.chars().allMatch(Character::isDigit) || referencesArg(uid, args)
                        || VARIABLE.matcher(uid).matches() || WINDOWS.contains(uid.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                ctx.report(META, u.user().range(), "Non-numeric user id '" + uid + "' may not be resolvable by the"
                        + " host system (e.g. Kubernetes runAsNonRoot cannot verify it): use the numeric uid");
            }
        }
    }

    private static boolean referencesArg(String uid, Set<String> args) {
        Matcher m = VAR.matcher(uid);
        while (m.find()) {
            if (args.contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** The {@code user:group} separator: the first colon not inside {@code ${...}}; -1 if none. */
    private static int colonOutsideBraces(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' && i > 0 && s.charAt(i - 1) == '$') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
