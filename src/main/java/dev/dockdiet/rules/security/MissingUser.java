package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DD314: the final stage (and the stages it is built FROM) sets no USER, so the container runs as
 * the base image's user, which is root for almost every base. The scanners' "no USER" check
 * (Checkov CKV_DOCKER_3, Trivy DS002), limited to the image that ships and to bases that run as
 * root.
 */
public final class MissingUser implements Rule {

    public static final RuleMeta META = new RuleMeta("DD314", "missing-user", Severity.INFO, Category.SECURITY,
            Fixability.NONE, List.of("CKV_DOCKER_3", "DS002", "DS-0002", "AVD-DS-0002", "missing-user-entrypoint"),
            "The final stage sets no USER, so the container runs as root");

    /** Tools an entrypoint script uses to drop from root to another user. */
    private static final Set<String> DROP_TOOLS = Set.of("gosu", "su-exec", "setpriv", "runuser", "chpst",
            "s6-setuidgid", "setuidgid");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        List<Stage> chain = Util.finalChain(ctx.file());
        if (chain.isEmpty()) {
            return;
        }
        for (Stage s : chain) {
            if (!s.all(Instruction.User.class).isEmpty()) {
                return; // DD301 judges the USER that is set
            }
        }
        Stage root = chain.get(chain.size() - 1);
        if (root.from().image() == null || !runsAsRoot(root.base(), hasEntrypoint(chain))
                || RootUser.dropsPrivileges(chain) || ctx.isDevContainer()
                || installsPrivilegeDropper(ctx, chain)) {
            return;
        }
        Stage last = chain.get(0);
        ctx.report(META, last.from().image().range(), "No USER in the final stage"
                + (chain.size() > 1 ? " or the stages it is built on" : "")
                + ": the container runs as root (the base image's user). Create an unprivileged user and"
                + " switch to it with USER after the steps that need root");
    }

    /** Official images whose image user is not root. */
    private static final Set<String> NON_ROOT_OFFICIAL = Set.of("sonarqube", "elasticsearch", "kibana", "logstash",
            "solr", "jenkins", "odoo", "haproxy", "jetty", "kong", "rocket.chat", "teamspeak", "znc", "mongo-express",
            "memcached");
    /** Official images whose entrypoint starts as root and drops to the service's user. */
    private static final Set<String> DROPPING_ENTRYPOINT = Set.of("postgres", "mysql", "mariadb", "percona", "redis",
            "mongo", "rabbitmq", "cassandra", "couchdb", "influxdb", "zookeeper", "ghost", "redmine", "flink", "neo4j",
            "couchbase", "eclipse-mosquitto", "storm", "bonita", "nats", "tomee", "spiped", "clickhouse", "valkey");
    private static final java.util.regex.Pattern VALID_NAME = java.util.regex.Pattern.compile("[a-z0-9._/-]+");
    private static final java.util.regex.Pattern UBI = java.util.regex.Pattern.compile(
            "(?:ubi\\d+|rhel\\d+)(?:/ubi(?:\\d+)?)?(?:-minimal|-micro|-init)?");

    /**
     * True when the base is known to run as root: Docker Hub's official images (but those with
     * another image user, and those whose entrypoint drops privileges when it is kept), distroless
     * images without {@code nonroot}, Microsoft's .NET images that are not chiseled, Red Hat's UBI
     * base images, CentOS and Fedora. For any other base the image decides, and it is not judged.
     */
    static boolean runsAsRoot(ImageRef ref, boolean ownEntrypoint) {
        if (ref == null || runsUnprivileged(ref) || !VALID_NAME.matcher(ref.repository()).matches()) {
            return false; // e.g. a template's FROM REPLACE-ME: not an image name
        }
        String repo = ref.repository() == null ? "" : ref.repository().toLowerCase(Locale.ROOT);
        String tag = ref.tag() == null ? "" : ref.tag().toLowerCase(Locale.ROOT);
        String registry = ref.registry() == null ? "" : ref.registry().toLowerCase(Locale.ROOT);
        if (ref.isOfficial() || registry.equals("public.ecr.aws") && repo.startsWith("docker/library/")) {
            String name = repo.substring(repo.lastIndexOf('/') + 1);
            return !NON_ROOT_OFFICIAL.contains(name) && (ownEntrypoint || !DROPPING_ENTRYPOINT.contains(name));
        }
        return switch (registry) {
            case "gcr.io" -> repo.startsWith("distroless/");
            case "mcr.microsoft.com" -> (repo.startsWith("dotnet/") && !tag.contains("chiseled")
                    && !tag.contains("distroless") && !tag.contains("nanoserver") && !tag.contains("windowsservercore"))
                    || repo.startsWith("azurelinux/base/") || repo.startsWith("cbl-mariner/base/");
            case "registry.access.redhat.com", "registry.redhat.io" -> UBI.matcher(repo).matches();
            case "quay.io" -> repo.equals("centos/centos") || repo.equals("fedora/fedora");
            case "public.ecr.aws" -> repo.equals("amazonlinux/amazonlinux");
            default -> false;
        };
    }

    private static boolean hasEntrypoint(List<Stage> chain) {
        for (Stage s : chain) {
            if (!s.all(Instruction.Entrypoint.class).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Bases documented to run as an unprivileged user. */
    static boolean runsUnprivileged(ImageRef ref) {
        String tag = ref.tag() == null ? "" : ref.tag().toLowerCase(Locale.ROOT);
        String repo = ref.repository() == null ? "" : ref.repository().toLowerCase(Locale.ROOT);
        return tag.contains("nonroot") || tag.contains("non-root") || tag.contains("rootless")
                || repo.contains("unprivileged") || repo.contains("rootless") || repo.contains("nonroot")
                || repo.startsWith("bitnami/") || "cgr.dev".equals(ref.registry());
    }

    /**
     * A stage that installs or downloads gosu or su-exec has an entrypoint script that drops
     * privileges with it (the official images' docker-entrypoint.sh pattern).
     */
    private static boolean installsPrivilegeDropper(RuleContext ctx, List<Stage> chain) {
        for (Stage s : chain) {
            for (Instruction.Run run : s.all(Instruction.Run.class)) {
                for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                    for (Word w : c.words()) {
                        String v = w.value();
                        int slash = v.lastIndexOf('/');
                        String b = slash >= 0 ? v.substring(slash + 1) : v;
                        if (DROP_TOOLS.contains(b) || b.startsWith("gosu-") || b.startsWith("su-exec")) {
                            return true;
                        }
                    }
                }
            }
            for (Instruction.SourcesAndDest cp : List.of(s.all(Instruction.Copy.class), s.all(Instruction.Add.class))
                    .stream().flatMap(List::stream).map(i -> (Instruction.SourcesAndDest) i).toList()) {
                for (dev.dockdiet.syntax.Word w : cp.sources()) {
                    String b = Util.base(w.text());
                    if (DROP_TOOLS.contains(b)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
