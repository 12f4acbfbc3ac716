using AgenticIR.Definitions.Policy;
using AgenticIR.Definitions.Tests.Yaml;

namespace AgenticIR.Definitions.Tests.Policy;

/// <summary>Each <c>TestData/invalid/policy/&lt;case&gt;.yaml</c> must fail with exactly the errors in <c>&lt;case&gt;.expected</c>.</summary>
public sealed class InvalidPolicyCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "invalid", "policy");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryLoad_InvalidPolicy_ReportsThePinnedErrors(string name)
    {
        var (policy, errors) = GovernancePolicyLoader.TryLoad(Path.Combine(Folder, name + ".yaml"));

        Assert.Null(policy);
        Assert.Equal(ErrorLines.Expected(Path.Combine(Folder, name + ".expected")), ErrorLines.Of(errors));
    }

    [Fact]
    public void Corpus_EveryCaseHasItsExpectedFile()
    {
        Assert.All(Cases(), c => Assert.True(File.Exists(Path.Combine(Folder, c.Data + ".expected")), c.Data));
    }
}
