using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Tests.Audit;

internal static class AuditEntriesAssert
{
    /// <summary>Every field equal, details compared as pairs.</summary>
    public static void Same(AuditEntry expected, AuditEntry actual)
    {
        Assert.Equal(expected with { Details = null! }, actual with { Details = null! });
        Assert.Equal(expected.Details.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Details.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
