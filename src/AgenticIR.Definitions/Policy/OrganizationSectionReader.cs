using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads the optional <c>organization</c> section: own domains and networks, partner and consumer mail domains.</summary>
internal static class OrganizationSectionReader
{
    public static Organization Read(NodeReader r, YamlMap root)
    {
        if (r.OptionalMap(root, "organization") is not { } section) return Organization.None;
        r.AllowOnly(section, "domains", "networks", "partner_domains", "consumer_mail_domains");
        var domains = ProtectedTargetsSectionReader.Strings(r, section, "domains", DomainProblem);
        var networks = ProtectedTargetsSectionReader.Strings(r, section, "networks", ProtectedTargetsSectionReader.SubnetProblem);
        var partners = ProtectedTargetsSectionReader.Strings(r, section, "partner_domains", DomainProblem);
        var consumer = ProtectedTargetsSectionReader.Strings(r, section, "consumer_mail_domains", DomainProblem);
        foreach (var own in domains.Where(d => partners.Contains(d, StringComparer.OrdinalIgnoreCase) || consumer.Contains(d, StringComparer.OrdinalIgnoreCase)))
            r.Error(section.Node, "organization.domains", $"'{own}' is listed as our own domain and as a partner or consumer mail domain");
        return new Organization(domains, networks, partners, consumer);
    }

    // A bare registrable name: subdomains are covered by the entry, so wildcards and URLs are mistakes.
    private static string? DomainProblem(string text) =>
        text.Length is > 0 and <= 253 && text.Contains('.', StringComparison.Ordinal) && !text.StartsWith('.') && !text.EndsWith('.')
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            ? null
            : $"'{text}' is not a domain name such as corp-example.com (subdomains are included; no wildcards or URLs)";
}
