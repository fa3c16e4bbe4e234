package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.size.Alternative;
import dev.dockdiet.syntax.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * .NET: {@code dotnet publish} on the SDK image; the publish folder goes to the ASP.NET or the
 * plain runtime image, chosen from the project files.
 *
 * <p>{@link #plan} fills the job's plan or refuses.
 */
final class DotnetPlanner implements EcosystemPlanner {

    static final Ecosystem DOTNET = new Ecosystem("dotnet", ".NET");

    @Override
    public List<Ecosystem> ecosystems() {
        return List.of(DOTNET);
    }

    @Override
    public Ecosystem detect(SimpleCommand c) {
        return c.is("dotnet") && "publish".equals(c.subcommand()) ? DOTNET : null;
    }

    @Override
    public String incompleteBuild(SimpleCommand c) {
        return c.is("dotnet") && "build".equals(c.subcommand())
                ? "it runs dotnet build but not dotnet publish, so there is no publish folder to copy" : null;
    }

    @Override
    public String buildCommands() {
        return "dotnet publish";
    }

    @Override
    public boolean buildsOn(RewriteJob job, Ecosystem e) {
        return job.family.equals("dotnet/sdk");
    }

    @Override
    public void plan(RewriteJob job) {
        String publishDir = null;
        for (Instruction.Run r : job.runs()) {
            for (SimpleCommand c : job.commands(r)) {
                if (!c.is("dotnet")) {
                    continue;
                }
                job.mount(r, "/root/.nuget/packages");
                if ("publish".equals(c.subcommand())) {
                    Optional<String> o = c.flagValue("-o");
                    if (o.isEmpty()) {
                        o = c.flagValue("--output");
                    }
                    if (o.isEmpty()) {
                        throw job.refuse("dotnet publish has no -o, so the rewrite cannot tell where the published "
                                + "app is");
                    }
                    publishDir = job.abs(o.get(), job.workdirBefore.get(r), "dotnet publish -o");
                    if (publishDir.endsWith("/") && publishDir.length() > 1) {
                        publishDir = publishDir.substring(0, publishDir.length() - 1);
                    }
                }
            }
        }
        List<String> w = job.launchWords();
        String target = w.get(0).equals("dotnet") && w.size() > 1 ? w.get(1) : w.get(0);
        String path = job.abs(target, job.finalWorkdir, "the program");
        if (publishDir == null || !(path.startsWith(publishDir + "/") || publishDir.equals("/"))) {
            throw job.refuse("the container runs " + target + ", which is not in the dotnet publish folder ("
                    + publishDir + ")");
        }
        job.buildFrom = job.fromImageText();
        List<Alternative> alts = job.baseMatch == null ? List.of() : job.kb.alternatives(job.baseMatch);
        Alternative aspnet = alts.stream().filter(a -> "dotnet/aspnet".equals(a.family())).findFirst().orElse(null);
        Alternative runtime = alts.stream().filter(a -> "dotnet/runtime".equals(a.family())).findFirst().orElse(null);
        if (aspnet == null) {
            throw job.refuse("no aspnet or runtime image of the same .NET version as " + job.base.familiar()
                    + " is known");
        }
        Boolean web = webProject(job);
        if (Boolean.FALSE.equals(web) && runtime != null) {
            job.runtimeImage = runtime.image();
            job.changes.add("Final stage: " + job.runtimeImage + ", the .NET runtime of the same version as the SDK "
                    + "(the project is not an ASP.NET Core project).");
        } else {
            job.runtimeImage = aspnet.image();
            job.changes.add("Final stage: " + job.runtimeImage + ", the ASP.NET Core runtime of the same version as the SDK.");
            if (web == null) {
                job.checks.add("The project file was not read: " + job.runtimeImage + " also runs console apps; for one, "
                        + (runtime != null ? runtime.image() : "the runtime image") + " is smaller.");
            }
        }
        job.runtimeHasShell = true;
        java.util.regex.Matcher v = java.util.regex.Pattern.compile(":(\\d+)\\.").matcher(job.runtimeImage);
        if (job.last(Instruction.User.class) == null && v.find() && Integer.parseInt(v.group(1)) >= 8) {
            // the .NET 8+ images have the unprivileged user app and its uid in APP_UID (Microsoft's documented USER)
            job.defaultUser = "$APP_UID";
            job.changes.add("The final stage runs as the unprivileged user app that the .NET images provide "
                    + "(USER $APP_UID); the original ran as root.");
        }
        job.runtimeCopies.add("COPY --from=build " + publishDir + " " + publishDir);
        job.changes.add(0, "The build runs in the \"build\" stage on " + job.buildFrom + " as before; only the publish "
                + "folder " + publishDir + " is copied into the final image, so the SDK, the NuGet cache and the "
                + "source no longer ship.");
    }

    /** True/false when the context's project files say whether it is a web project; null when not known. */
    Boolean webProject(RewriteJob job) {
        if (job.opt.contextDir() == null || !Files.isDirectory(job.opt.contextDir())) {
            return null;
        }
        try (Stream<Path> s = Files.walk(job.opt.contextDir(), 3)) {
            List<Path> projects = s.filter(p -> p.getFileName().toString().endsWith(".csproj")
                    || p.getFileName().toString().endsWith(".fsproj")).toList();
            if (projects.isEmpty()) {
                return null;
            }
            for (Path p : projects) {
                if (Files.readString(p).contains("Microsoft.NET.Sdk.Web")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
