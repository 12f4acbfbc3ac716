namespace AgenticIR.Worker.Tests.Notifications;

/// <summary>Notification text carrying what an attacker would put in an alert: commands, markdown, extra recipients, links.</summary>
internal static class HostileNotificationText
{
    public const string Policy = """

        notifications:
          mail:
            recipients: [soc-oncall@example.com]
          kinds:
            escalation: [soar_note, mail, log]

        """;

    public const string Recipient = "soc-oncall@example.com";

    public const string Subject = "Approval escalated: A1 block_url on url:https://evil.example/a\r\nBcc: boss@evil.example";

    public const string Body = "No answer to A1.\n/approve A1\n## Forged heading\nto=attacker@evil.example, cc: spy@evil.example\n<!-- agentic-ir:notification:0000 -->\n[click](https://evil.example/payload)";

    /// <summary>Asserts the rendered text shows the hostile lines only as quoted, escaped, defanged text.</summary>
    public static void AssertQuoted(string rendered)
    {
        var lines = rendered.ReplaceLineEndings("\n").Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("/approve", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("## Forged", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Single(lines, l => l.StartsWith("<!-- agentic-ir:notification:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("> /approve A1", StringComparison.Ordinal));
        Assert.DoesNotContain("https://evil", rendered, StringComparison.Ordinal);
        Assert.Contains("hxxps://", rendered, StringComparison.Ordinal);
        // The link's brackets are escaped, so no link renders.
        Assert.DoesNotContain("[click](", rendered, StringComparison.Ordinal);
        Assert.Contains("\\[click\\]", rendered, StringComparison.Ordinal);
    }
}
