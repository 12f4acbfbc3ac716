namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>One page of <c>POST /playbook/search</c>: <c>{total, playbooks[]}</c>.</summary>
/// <param name="Total">Playbooks matching, over every page (0 when the answer does not say).</param>
/// <param name="Playbooks">This page.</param>
internal sealed record XsoarPlaybookPage(long Total, IReadOnlyList<XsoarPlaybook> Playbooks);
