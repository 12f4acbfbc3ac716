using System.Globalization;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AgenticIR.Soar.Xsoar.Approvals;

/// <summary>Names and keys of XSOAR approvals: the channel approvers answer through, and the keys under which each war-room
/// entry or task completion is kept in the bridge store's comment ledger (beside Splunk SOAR's comments, never sharing a
/// key with them: the ledger's instance column holds <c>xsoar:&lt;instance&gt;</c> or <c>xsoar-task:&lt;instance&gt;</c>,
/// and Splunk SOAR instance names hold no colon).</summary>
internal static class XsoarApprovalNames
{
    /// <summary>The channel of answers given in XSOAR (audit records, the plan's answer, replies).</summary>
    public const string Channel = "xsoar";

    public static string EntryLedger(string instance) => "xsoar:" + instance;

    public static string TaskLedger(string instance) => "xsoar-task:" + instance;

    /// <summary>The incident's id as the ledger's container id: the number itself (XSOAR incident ids are numbers), or a
    /// stable 63-bit hash of the text for any other id.</summary>
    public static long IncidentKey(string incidentId) =>
        long.TryParse(incidentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : Hash(incidentId);

    /// <summary>An entry's number within its id <c>N@incident</c>; a hash of the whole id when it has another form.</summary>
    public static long EntryKey(string entryId)
    {
        var at = entryId.IndexOf('@', StringComparison.Ordinal);
        var head = at < 0 ? entryId : entryId[..at];
        return long.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : Hash(entryId);
    }

    /// <summary>One completion of a task (a task in a loop completes again with a later date): task id and date, hashed.</summary>
    public static long TaskCompletionKey(string taskId, DateTimeOffset? completedAt) =>
        Hash(taskId + "|" + (completedAt?.UtcTicks ?? 0).ToString(CultureInfo.InvariantCulture));

    private static long Hash(string text) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text))) & long.MaxValue;
}
