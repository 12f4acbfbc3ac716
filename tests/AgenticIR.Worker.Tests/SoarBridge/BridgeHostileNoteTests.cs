using System.Globalization;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.Testing;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Containers whose name, description and artifact fields carry every hostile string (NUL, forged CR/LF lines,
/// formulas, homoglyphs, bidi, controls, unpaired surrogates) still get notes an analyst can read and trust: no raw
/// control or bidi character reaches a note, and no attacker text starts a line of its own.</summary>
public sealed class BridgeHostileNoteTests
{
    [Fact]
    public async Task RunCycle_HostileTextInEveryField_NotesCarryNoRawControlsAndNoForgedLines()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "assisted"), cancellationToken: ct);
        var containers = HostileText.Names.ToDictionary(name => name, name => Seed(h, name, HostileText.Get(name)));

        await h.CyclesUntilQuietAsync(ct);

        foreach (var (name, container) in containers)
        {
            var notes = h.NotesOf(container);
            Assert.True(notes.Count > 0, $"{name}: no note was written");
            // The attacker's text is quoted (escaped), not dropped: the notes still show what the alert said.
            Assert.Contains(notes, n => ((string?)n["content"] ?? "").Contains("Credential phish", StringComparison.Ordinal));
            foreach (var note in notes)
            {
                var text = (string?)note["title"] + "\n" + (string?)note["content"];
                AssertReadable(name, text);
            }
        }
    }

    private static long Seed(BridgeHarness h, string name, string hostile) => h.Simulator.AddContainer(new SeedContainer
    {
        Name = "Credential phish " + hostile,
        Label = "phishing",
        Severity = "high",
        SourceDataIdentifier = "hostile-" + name,
        Description = "Reported by the user. " + hostile,
        Artifacts =
        [
            new SeedArtifact
            {
                Name = "Email " + hostile,
                Label = "email",
                Cef = new Dictionary<string, string>
                {
                    ["fromEmail"] = "billing@secure-login-micros0ft.com",
                    ["toEmail"] = "cfo@corp.example",
                    ["emailSubject"] = "Invoice " + hostile,
                    ["requestURL"] = "https://secure-login-micros0ft.com/login?x=" + Uri.EscapeDataString(hostile),
                    ["sourceAddress"] = "45.155.205.233",
                    ["message"] = hostile,
                    ["requestClientApplication"] = hostile,
                },
            },
        ],
    });

    private static void AssertReadable(string name, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var bidi = c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
            var lone = char.IsHighSurrogate(c) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
            Assert.False(c != '\n' && category == UnicodeCategory.Control, $"{name}: raw U+{(int)c:X4} in a note: {text}");
            Assert.False(c is '\u2028' or '\u2029' || bidi, $"{name}: raw separator or bidi U+{(int)c:X4} in a note");
            Assert.False(lone, $"{name}: an unpaired surrogate in a note");
        }
        foreach (var line in text.Split('\n'))
        {
            Assert.False(line.TrimStart().StartsWith("2026-12-06 16:00:00", StringComparison.Ordinal), $"{name}: attacker text starts a line: {line}");
            Assert.False(line.TrimStart().StartsWith("=1+1", StringComparison.Ordinal), $"{name}: attacker text starts a line: {line}");
        }
    }
}
