using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Documentation;

/// <summary>
/// What an alert's category and structure imply in ATT&amp;CK terms, for techniques no field of the alert names.
/// </summary>
/// <remarks>
/// Only the mapping's structured parts decide: the category the mapping sets and the entity observables it declares
/// (an e-mail's attachments and links, the address a click came from). Words in a subject or body never add a technique,
/// because alert text is attacker-controlled; a link found only in body text leaves a phishing alert at plain T1566.
/// <list type="bullet">
/// <item>Phishing (the category says phish; every e-mail input and mail-security format sets it): T1566, refined by vector:
/// an attachment entity (a file name or hash) → .001, a link entity (URL or QR payload) → .002, a phone number → .004.</item>
/// <item>A click: an entity with role <c>clicker</c>, the address a user clicked a rewritten link from → T1204.001.</item>
/// <item>Impersonation or business e-mail compromise named by the category → T1656.</item>
/// <item>Ransomware named by the category → T1486.</item>
/// </list>
/// </remarks>
internal static class ContentTechniques
{
    public static IReadOnlyList<string> For(NormalizedAlert alert)
    {
        var techniques = new List<string>();
        var category = alert.Category?.ToLowerInvariant() ?? "";
        if (IsPhishing(alert)) techniques.AddRange(PhishingVectors(alert));
        if (alert.Observables.Any(o => !o.FromFreeText && string.Equals(o.Role, "clicker", StringComparison.OrdinalIgnoreCase)))
            techniques.Add("T1204.001");
        if (Words(category).Any(w => w is "bec" or "impostor" or "impersonation" or "impersonate"))
            techniques.Add("T1656");
        if (category.Contains("ransom", StringComparison.Ordinal)) techniques.Add("T1486");
        if (category == "identity") techniques.Add("T1078");
        return techniques;
    }

    public static bool IsPhishing(NormalizedAlert alert) =>
        alert.Category?.Contains("phish", StringComparison.OrdinalIgnoreCase) == true;

    private static List<string> PhishingVectors(NormalizedAlert alert)
    {
        var entities = alert.Observables.Where(o => !o.FromFreeText).ToList();
        var vectors = new List<string>();
        if (entities.Any(o => o.Type is ObservableType.FileName or ObservableType.Md5 or ObservableType.Sha1 or ObservableType.Sha256))
            vectors.Add("T1566.001");
        if (entities.Any(o => o.Type is ObservableType.Url or ObservableType.QrPayload)) vectors.Add("T1566.002");
        if (alert.Of(ObservableType.Phone).Any()) vectors.Add("T1566.004");
        return vectors.Count == 0 ? ["T1566"] : vectors;
    }

    private static string[] Words(string text) =>
        text.Split((char[])[' ', '_', '-', '/', '.', ':', ','], StringSplitOptions.RemoveEmptyEntries);
}
