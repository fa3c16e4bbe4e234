package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Rule;
import java.util.List;

/** The security rules (DD3xx). {@link dev.dockdiet.rules.Rules} collects every group. */
public final class SecurityRules {

    private SecurityRules() {
    }

    public static List<Rule> all() {
        return List.of(new RootUser(), new Sudo(), new UntrustedRegistry(), new DisallowedBaseImage(),
                new SecretInArgOrEnv(), new PipeToShell(), new AddUrlWithoutChecksum(), new WorldWritable(),
                new InsecureRun(), new SecretFileCopied(), new UnverifiedPackages(), new TlsVerificationDisabled(),
                new SshPortExposed(),
                new MissingUser(), new HardcodedSecret(), new LiteralUserPassword(), new DockerSocketMount(), new SystemDirectoryTarget(), new UpdateWithoutInstall(), new CopyFromIndex(), new ImageNotPinnedByDigest());
    }
}
