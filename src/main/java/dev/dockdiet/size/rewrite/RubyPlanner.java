package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.size.Alternative;
import dev.dockdiet.syntax.Instruction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ruby (Bundler): {@code bundle install} runs on the full ruby image, which has gcc and the -dev
 * packages native gems compile against; the installed gems ({@code /usr/local/bundle}, the
 * official images' {@code GEM_HOME} and {@code BUNDLE_APP_CONFIG}) go to the slim image of the same
 * Ruby version, and the application files come from the build context again, as the Rails
 * generator's Dockerfile does.
 *
 * <p>Added as one file (this class) plus {@code test-fixtures/size/sinatra/}: the first ecosystem
 * added after the planners were made self-describing.
 */
final class RubyPlanner implements EcosystemPlanner {

    static final Ecosystem RUBY = new Ecosystem("ruby", "Ruby (Bundler)");
    private static final String BUNDLE = "/usr/local/bundle";

    @Override
    public List<Ecosystem> ecosystems() {
        return List.of(RUBY);
    }

    @Override
    public Ecosystem detect(SimpleCommand c) {
        return c.is("bundle", "bundler") && "install".equals(c.subcommand()) ? RUBY : null;
    }

    @Override
    public String buildCommands() {
        return "bundle install";
    }

    @Override
    public boolean buildsOn(RewriteJob job, Ecosystem e) {
        return job.family.equals("ruby");
    }

    @Override
    public boolean takesSourcesFromContext() {
        return true;
    }

    @Override
    public void plan(RewriteJob job) {
        for (Instruction i : job.ins) {
            if (i instanceof Instruction.Env e && e.pairs().stream().anyMatch(kv -> kv.key().equals("BUNDLE_PATH")
                    || kv.key().equals("GEM_HOME") || kv.key().equals("BUNDLE_APP_CONFIG"))) {
                throw job.refuse("the gems are installed somewhere else (ENV BUNDLE_PATH, GEM_HOME or "
                        + "BUNDLE_APP_CONFIG), which the rewrite does not follow");
            }
        }
        for (Instruction.Run r : job.runs()) {
            for (SimpleCommand c : job.commands(r)) {
                if (c.is("bundle", "bundler") && "install".equals(c.subcommand())) {
                    if (c.hasFlag("--path", "--deployment", "--standalone")) {
                        throw job.refuse("bundle install writes the gems elsewhere (" + c.raw().trim() + "), which "
                                + "the rewrite does not follow");
                    }
                } else if (c.is("bundle", "bundler") && "config".equals(c.subcommand())) {
                    throw job.refuse("it changes Bundler's configuration (" + c.raw().trim() + "), which the rewrite "
                            + "does not follow");
                } else if (c.is("gem") && "install".equals(c.subcommand())) {
                    throw job.refuse("it installs gems outside the Gemfile (" + c.raw().trim() + ")");
                }
            }
        }
        job.buildFrom = job.fromImageText();
        String variant = job.baseMatch == null ? null : job.baseMatch.variant();
        if ("slim".equals(variant) || "alpine".equals(variant)) {
            job.runtimeImage = job.base.familiar();
        } else if (job.baseMatch != null) {
            for (Alternative a : job.kb.alternatives(job.baseMatch)) {
                if ("ruby".equals(a.family()) && "slim".equals(a.variant())) {
                    job.runtimeImage = a.image();
                    break;
                }
            }
        }
        if (job.runtimeImage == null) {
            throw job.refuse("no slim variant of " + job.base.familiar() + " is known to dockdiet");
        }
        job.runtimeHasShell = true;
        job.replayContextCopies = true;
        // with the whole context copied again, the Gemfile's own copy is not replayed
        boolean wholeContext = job.ins.stream().anyMatch(x -> x instanceof Instruction.Copy c && c.from().isEmpty()
                && c.sources().stream().anyMatch(s -> s.text().equals(".") || s.text().equals("./")));
        Set<String> manifests = new HashSet<>(Set.of("Gemfile", "Gemfile.lock", "Gemfile*"));
        for (Instruction i : job.ins) {
            if (wholeContext && i instanceof Instruction.Copy c && c.from().isEmpty() && !c.sources().isEmpty()
                    && c.sources().stream().allMatch(s -> manifests.contains(s.text().replaceFirst("^\\./", "")))) {
                job.skipContextCopies.add(i);
            }
        }
        job.runtimeCopies.add("COPY --from=build " + BUNDLE + " " + BUNDLE);
        job.changes.add("The gems are installed in the \"build\" stage on " + job.buildFrom + ", which has the "
                + "compilers and headers native gems need; the final stage gets the installed gems (" + BUNDLE
                + ") without them.");
        job.changes.add("Final stage: " + job.runtimeImage + ", the same Ruby version on the slim variant. The "
                + "application files are copied from the build context as before.");
        job.checks.add("Native gems that link system libraries (pg, mysql2, nokogiri without its bundled "
                + "libxml2) need those libraries' runtime packages in the final stage (libpq5, ...).");
    }
}
