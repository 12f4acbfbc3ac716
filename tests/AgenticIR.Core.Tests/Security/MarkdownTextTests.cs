using System.Text.Json;
using AgenticIR.Core.Security;
using AgenticIR.Testing;

namespace AgenticIR.Core.Tests.Security;

public sealed class MarkdownTextTests
{
    private const string ActiveCharacters = "\\`*_[]<>|~#!&";

    public static TheoryData<string> HostileLines() => new()
    {
        "Invoice](http://evil.example/x) <script>alert(1)</script> | col",
        "![pixel](https://track.example/p.gif)",
        "[click](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "&#x6A;avascript &lt;b&gt; &#x202E;",
        "`code` **bold** _em_ ~~strike~~ #tag",
        "user\u202Egpj.exe \u2066hidden\u2069 \u001B[2J",
        "C:\\Users\\alice\\payload.ps1 \\[not a link\\]",
        "www.evil.example and ftp://files.example/a",
    };

    [Theory]
    [MemberData(nameof(HostileLines))]
    public void Inline_HostileText_LeavesNoActiveCharacterUnescaped(string text) => AssertInert(MarkdownText.Plain.Inline(text));

    [Fact]
    public void Inline_HostileCorpus_EveryStringLeavesNoActiveCharacterUnescapedAndNoLineBreak()
    {
        var strings = Directory.GetFiles(RepoPaths.HostileCorpus, "*.json").SelectMany(f => Strings(JsonDocument.Parse(File.ReadAllText(f)).RootElement)).ToList();
        Assert.True(strings.Count > 500, $"only {strings.Count} strings read from the hostile corpus");

        foreach (var text in strings)
        {
            var safe = MarkdownText.Plain.Inline(text);
            AssertInert(safe);
            Assert.DoesNotContain('\n', safe);
            if (ControlCharacters.NeedEscaping(safe)) Assert.Fail($"control character left in {safe}");
        }
    }

    [Fact]
    public void Inline_Link_RendersAsTextWithTheSchemeDefanged() =>
        Assert.Equal("\\[click\\](hxxps://evil.example/x)", MarkdownText.Plain.Inline("[click](https://evil.example/x)"));

    [Fact]
    public void Inline_ControlAndBidiCharacters_VisibleEscapesThatRenderAsWritten() =>
        Assert.Equal("a\\\\u202Eb\\\\u001B c", MarkdownText.Plain.Inline("a\u202Eb\u001B\r\nc"));

    [Fact]
    public void Inline_Indicators_DefangedWhereverTheyAppearLongestFirst()
    {
        var safe = new MarkdownText(["evil.example", "https://evil.example/login"]);

        Assert.Equal("see hxxps://evil\\[.\\]example/login on evil\\[.\\]example", safe.Inline("see https://evil.example/login on EVIL.example"));
    }

    [Theory]
    [InlineData("# Approved", "\\# Approved")]
    [InlineData("> quoted", "\\> quoted")]
    [InlineData("- item", "\\- item")]
    [InlineData("  + item", "  \\+ item")]
    [InlineData("===", "\\===")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("12) twelfth", "12\\) twelfth")]
    [InlineData("/approve A1", "\\/approve A1")]
    [InlineData("plain - text", "plain - text")]
    public void Block_LineThatWouldStartABlock_Escaped(string line, string expected) =>
        Assert.Equal("ok\n" + expected, MarkdownText.Plain.Block("ok\r\n" + line));

    [Fact]
    public void Quote_EveryLineQuoted_NoLineBeginsWithTheText()
    {
        var quoted = MarkdownText.Plain.Quote("fine\n/approve A1\n<!-- agentic-ir:inv-1:plan_note -->");

        Assert.Equal(["> fine", "> /approve A1", "> \\<\\!-- agentic-ir:inv-1:plan\\_note --\\>"], quoted.Split('\n'));
    }

    [Fact]
    public void DefangValue_UrlAndAddress_NeitherCanBeFollowed()
    {
        Assert.Equal("hxxps://evil[.]example/a", MarkdownText.DefangValue("https://evil.example/a"));
        Assert.Equal("203[.]0[.]113[.]7", MarkdownText.DefangValue("203.0.113.7"));
    }

    // Outside a backslash escape, no character Markdown or HTML acts on may remain.
    private static void AssertInert(string markdown)
    {
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\')
            {
                if (i + 1 == markdown.Length) Assert.Fail($"dangling backslash in {markdown}");
                i++;
                continue;
            }
            if (ActiveCharacters.Contains(markdown[i], StringComparison.Ordinal)) Assert.Fail($"unescaped '{markdown[i]}' at {i} in {markdown}");
        }
        Assert.DoesNotContain("http://", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("www.", markdown, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
