using AgenticIR.Core.Security;

namespace AgenticIR.Core.Tests.Security;

public sealed class ControlCharactersTests
{
    private const string Forged = "evil-1\r\n2026-12-06 16:00:00.000 +00:00 [INF] Kill switch global released by ciso";

    [Fact]
    public void Escape_ForgedLogLine_StaysOnOneLineVisiblyEscaped()
    {
        var escaped = ControlCharacters.Escape(Forged);

        Assert.Equal(@"evil-1\r\n2026-12-06 16:00:00.000 +00:00 [INF] Kill switch global released by ciso", escaped);
        Assert.DoesNotContain('\n', escaped);
        Assert.DoesNotContain('\r', escaped);
    }

    [Theory]
    [InlineData("a\0b", @"a\0b")]
    [InlineData("a\tb", @"a\tb")]
    [InlineData("a\u001B[2Jb", @"a\u001B[2Jb")]
    [InlineData("a\u007Fb", @"a\u007Fb")]
    [InlineData("a\u0085b", @"a\u0085b")]
    [InlineData("a\u009Bb", @"a\u009Bb")]
    [InlineData("a\u2028b\u2029c", @"a\u2028b\u2029c")]
    [InlineData("user\u202Egpj.exe", @"user\u202Egpj.exe")]
    [InlineData("a\u2066b\u2069", @"a\u2066b\u2069")]
    public void Escape_ControlAndLayoutCharacters_WrittenAsEscapes(string raw, string expected) =>
        Assert.Equal(expected, ControlCharacters.Escape(raw));

    [Theory]
    [InlineData(@"C:\Users\alice\payload.ps1")]
    [InlineData("Ünïcödé пароль 密码")]
    [InlineData("emoji 🚨 pair")]
    [InlineData("")]
    public void Escape_OrdinaryText_Unchanged(string text)
    {
        Assert.False(ControlCharacters.NeedEscaping(text));
        Assert.Same(text, ControlCharacters.Escape(text));
    }

    [Fact]
    public void Escape_LoneSurrogate_WrittenAsEscape()
    {
        // Built at run time: attribute arguments cannot hold an unpaired surrogate.
        var raw = "lone " + (char)0xD800 + " surrogate";

        Assert.Equal(@"lone \uD800 surrogate", ControlCharacters.Escape(raw));
    }

    [Fact]
    public void Escape_Null_Empty() => Assert.Equal("", ControlCharacters.Escape(null));
}
