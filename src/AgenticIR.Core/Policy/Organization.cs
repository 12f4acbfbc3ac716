namespace AgenticIR.Core.Policy;

/// <summary>Who we are and who we deal with (policy <c>organization</c>), so that no plan turns containment on ourselves,
/// our suppliers or a mail provider half the internet uses.</summary>
/// <param name="Domains">Our own mail and web domains; subdomains included.</param>
/// <param name="Networks">Our own address ranges (CIDR).</param>
/// <param name="PartnerDomains">Partner and supplier domains: never blocked as domains; subdomains included.</param>
/// <param name="ConsumerMailDomains">Consumer mail providers: never blocked as domains (block the sender address instead).</param>
public sealed record Organization(
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> PartnerDomains,
    IReadOnlyList<string> ConsumerMailDomains)
{
    /// <summary>No organization declared: only private address ranges count as ours.</summary>
    public static Organization None { get; } = new([], [], [], []);
}
