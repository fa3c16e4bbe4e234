package dev.dockdiet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.CheckDirective;
import dev.dockdiet.config.Config;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * BuildKit's build checks through the whole linter, as BuildKit's own check tests state them:
 * for each Dockerfile the complete set of BuildKit-check warnings ({@code Name:line}), nothing more.
 * Cases follow {@code ../shared/conformance/buildkit/checks.md}.
 */
class BuildKitChecksTest {

    private record Case(String name, String dockerfile, List<String> expected) {
    }

    private static Case c(String name, String dockerfile, String... expected) {
        return new Case(name, dockerfile, List.of(expected));
    }

    static List<String> warnings(String dockerfile) {
        List<Finding> f = new Linter(Rules.all(), t -> null).lint(dockerfile, null, "Dockerfile", Config.defaults(),
                RuleSettings.defaults(), null).findings();
        TreeSet<String> out = new TreeSet<>();
        for (Finding x : f) {
            for (String n : CheckDirective.checkNames(x.rule())) {
                out.add(n + ":" + x.range().startLine());
            }
        }
        return new ArrayList<>(out);
    }

    private static final List<Case> CASES = List.of(
            c("StageNameCasing", "\nFROM scratch AS BadStageName\nCMD [\"echo\", \"hello\"]\n", "StageNameCasing:2"),
            c("StageNameCasing ok", "\nFROM scratch AS good\nCMD [\"echo\", \"hello\"]\n"),
            c("FromAsCasing upper/lower", "\nFROM scratch as base\nCOPY Dockerfile \\\n  .\n", "FromAsCasing:2"),
            c("FromAsCasing lower/upper", "\nfrom scratch AS base\ncopy Dockerfile .\n", "FromAsCasing:2"),
            c("FromAsCasing mixed keyword", "\nFrom scratch as base\nCOPY Dockerfile .\n",
                    "ConsistentInstructionCasing:2"),
            c("NoEmptyContinuation", "\nFROM scratch\nEXPOSE \\\n\n8080\n", "NoEmptyContinuation:5"),
            c("NoEmptyContinuation comment line", "\nFROM scratch\nEXPOSE \\\n# comment\n8080\n"),
            c("ConsistentInstructionCasing tie is upper", "\nFROM scratch\ncopy Dockerfile /foo\n",
                    "ConsistentInstructionCasing:3"),
            c("ConsistentInstructionCasing lower majority", "\nfrom scratch\ncopy Dockerfile /foo\nENV X=1\n",
                    "ConsistentInstructionCasing:4"),
            c("DuplicateStageName", "\nFROM scratch AS b\nFROM scratch AS b\n", "DuplicateStageName:3"),
            c("ReservedStageName", "\nFROM scratch AS scratch\nFROM scratch AS context\n", "ReservedStageName:2",
                    "ReservedStageName:3"),
            c("JSONArgsRecommended", "\nFROM scratch\nCMD mycommand\n", "JSONArgsRecommended:3"),
            c("JSONArgsRecommended entrypoint", "\nFROM scratch\nENTRYPOINT mycommand\n", "JSONArgsRecommended:3"),
            c("JSONArgsRecommended with SHELL", "\nFROM scratch\nSHELL [\"/bin/sh\", \"-c\"]\nCMD mycommand\n"),
            c("JSONArgsRecommended SHELL in parent stage", "\nFROM scratch AS base\nSHELL [\"/bin/sh\", \"-c\"]\n"
                    + "FROM base\nCMD mycommand\n"),
            c("JSONArgsRecommended RUN never", "\nFROM scratch\nRUN mycommand\n"),
            c("MaintainerDeprecated", "\nFROM scratch\nMAINTAINER me@example.org\n", "MaintainerDeprecated:3"),
            c("UndefinedArgInFrom", "\nFROM alpine:$VERSION\n", "UndefinedArgInFrom:2"),
            c("UndefinedArgInFrom declared", "\nARG VERSION\nFROM alpine:${VERSION:-3.19}\n"),
            c("UndefinedArgInFrom platform", "\nFROM --platform=$BULIDPLATFORM alpine\n", "UndefinedArgInFrom:2"),
            c("UndefinedArgInFrom builtin", "\nFROM --platform=$BUILDPLATFORM alpine AS build\n"),
            c("WorkdirRelativePath", "\nFROM scratch\nWORKDIR app/\n", "WorkdirRelativePath:3"),
            c("WorkdirRelativePath after absolute", "\nFROM scratch\nWORKDIR /app\nWORKDIR sub\n"),
            c("WorkdirRelativePath parent stage", "\nFROM scratch AS base\nWORKDIR /app\nFROM base\nWORKDIR sub\n"),
            c("WorkdirRelativePath only first", "\nFROM scratch\nWORKDIR app\nWORKDIR sub\n", "WorkdirRelativePath:3"),
            c("UndefinedVar", "\nFROM scratch\nCOPY $foo .\nARG foo=bar\nRUN echo $NOT_DEFINED\n", "UndefinedVar:3"),
            c("UndefinedVar suggestion", "\nFROM alpine\nENV PATH=$PAHT:/tmp/bin\n", "UndefinedVar:3"),
            c("UndefinedVar from parent", "\nFROM scratch AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n"),
            c("MultipleInstructionsDisallowed", "\nFROM scratch\nCMD [\"a\"]\nCMD [\"b\"]\nENTRYPOINT [\"c\"]\n"
                    + "ENTRYPOINT [\"d\"]\nHEALTHCHECK CMD [\"e\"]\nHEALTHCHECK CMD [\"f\"]\n",
                    "MultipleInstructionsDisallowed:3", "MultipleInstructionsDisallowed:5",
                    "MultipleInstructionsDisallowed:7"),
            c("MultipleInstructionsDisallowed per stage", "\nFROM scratch AS a\nCMD [\"a\"]\nFROM scratch\nCMD [\"b\"]\n"),
            c("LegacyKeyValueFormat", "\nFROM scratch\nENV key value\nLABEL key value\n", "LegacyKeyValueFormat:3",
                    "LegacyKeyValueFormat:4", "SecretsUsedInArgOrEnv:3"), // 'key' is a secret-looking name
            c("LegacyKeyValueFormat ok", "\nFROM scratch\nENV name=value\nLABEL key=value\n"),
            c("RedundantTargetPlatform", "\nFROM --platform=$TARGETPLATFORM scratch\n", "RedundantTargetPlatform:2"),
            c("RedundantTargetPlatform braces", "\nFROM --platform=${TARGETPLATFORM} scratch\n",
                    "RedundantTargetPlatform:2"),
            c("RedundantTargetPlatform other", "\nFROM --platform=${TARGETPLATFORM:-linux/amd64} scratch\n"),
            c("SecretsUsedInArgOrEnv", "\nFROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar "
                    + "secret=baz\nARG super_duper_secret_token=foo auth=bar\nENV apikey=bar sunflower=foo\n"
                    + "ENV git_key=\n", "SecretsUsedInArgOrEnv:3", "SecretsUsedInArgOrEnv:4", "SecretsUsedInArgOrEnv:5",
                    "SecretsUsedInArgOrEnv:6", "SecretsUsedInArgOrEnv:7", "SecretsUsedInArgOrEnv:8"),
            c("SecretsUsedInArgOrEnv allowed", "\nFROM scratch\nARG public_token\nARG tokenizer\nENV git_key_file=x\n"
                    + "ARG SECRET_VERSION\n"),
            c("SecretsUsedInArgOrEnv meta arg", "\nARG SECRET_PASSPHRASE\nFROM scratch\n"),
            c("InvalidDefaultArgInFrom", "\nARG VERSION\nFROM busybox:$VERSION\n", "InvalidDefaultArgInFrom:3"),
            c("InvalidDefaultArgInFrom image", "\nARG IMAGE\nFROM $IMAGE\n", "InvalidDefaultArgInFrom:3"),
            c("InvalidDefaultArgInFrom ok", "\nARG VERSION=latest\nFROM busybox:$VERSION\n"),
            c("InvalidDefaultArgInFrom default expansion", "\nARG SFX=\"box:\"\nFROM busy${SFX}\n",
                    "InvalidDefaultArgInFrom:3"),
            c("FromPlatformFlagConstDisallowed", "\nFROM --platform=linux/amd64 scratch AS my_stage\n",
                    "FromPlatformFlagConstDisallowed:2"),
            c("FromPlatformFlagConstDisallowed named", "\nFROM --platform=linux/amd64 scratch AS my_amd64_stage\n"),
            c("FromPlatformFlagConstDisallowed os", "\nFROM --platform=windows/amd64 scratch AS windows\n"),
            c("FromPlatformFlagConstDisallowed unnamed", "\nFROM --platform=linux/arm64 scratch\n",
                    "FromPlatformFlagConstDisallowed:2"),
            c("ExposeProtoCasing", "\nFROM scratch\nEXPOSE 80/TcP\n", "ExposeProtoCasing:3"),
            c("ExposeProtoCasing ok", "\nFROM scratch\nEXPOSE 80/tcp 81/udp 82\n"),
            c("ExposeInvalidFormat", "\nFROM scratch\nEXPOSE 5000:5000\nEXPOSE 127.0.0.1:80:80\nEXPOSE [::1]:8080:8080\n",
                    "ExposeInvalidFormat:3", "ExposeInvalidFormat:4", "ExposeInvalidFormat:5"),
            c("meta ARG casing is not counted", "\narg VERSION=1\nFROM scratch\nCOPY a b\n"),
            c("stage name casing and AS casing", "\nFROM scratch as Base\n", "FromAsCasing:2", "StageNameCasing:2"),
            c("reserved, upper-case", "\nFROM scratch AS Scratch\n", "ReservedStageName:2", "StageNameCasing:2"),
            c("duplicate, other case", "\nFROM scratch AS b\nFROM scratch AS B\n", "DuplicateStageName:3",
                    "StageNameCasing:3"),
            c("JSONArgsRecommended invalid JSON", "\nFROM scratch\nCMD [\"a\", 'b']\n", "JSONArgsRecommended:3"),
            c("WorkdirRelativePath expanded", "\nFROM scratch\nENV D=/app\nWORKDIR $D\n"),
            c("UndefinedArgInFrom default form", "\nFROM alpine:${VERSION:-3.19}\n", "UndefinedArgInFrom:2"),
            c("SecretsUsedInArgOrEnv aws", "\nFROM scratch\nENV AWS_SECRET_ACCESS_KEY=x\n", "SecretsUsedInArgOrEnv:3"),
            c("ONBUILD is not counted twice", "\nFROM scratch\nONBUILD CMD [\"a\"]\nCMD [\"b\"]\n"),
            c("Warnings before an error", "\nFROM scratch AS BadStageName\nMAINTAINER me\nBADCMD\n",
                    "MaintainerDeprecated:3", "StageNameCasing:2"));

    @TestFactory
    Stream<DynamicTest> eachCaseGivesExactlyBuildKitsWarnings() {
        return CASES.stream().map(k -> DynamicTest.dynamicTest(k.name(), () ->
                assertThat(warnings(k.dockerfile())).as(k.dockerfile()).containsExactlyInAnyOrderElementsOf(k.expected())));
    }

    @Test
    void everyBuildKitCheckIsAnAlias() {
        for (String name : CheckDirective.BUILDKIT_CHECKS) {
            assertThat(Rules.resolve(name)).as(name).isPresent();
        }
    }
}
