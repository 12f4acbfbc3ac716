using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Mapping;

namespace AgenticIR.Definitions.Tests.Mapping;

/// <summary>Origins of what a mapping declares and what the payload sweep adds, on a mapping written for the test.</summary>
public sealed class DeclaredFieldOriginTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private NormalizedAlert Normalize(string observables, string json, string extra = "")
    {
        _folder.Write("vendor.yaml", $"name: vendor\ndetect: {{ always: true }}\nobservables:\n{observables}{extra}");
        var normalizer = MappingNormalizer.Load(_folder.Path);
        var result = normalizer.Normalize(new RawAlert("t", json));
        Assert.True(result.Succeeded, result.Error);
        return result.Alert!;
    }

    [Fact]
    public void Normalize_DeclaredFieldHoldingAList_EveryItemIsAnEntity()
    {
        var alert = Normalize(
            "  - { path: to, type: email, role: recipient }\n  - { path: ips, type: auto, role: source }\n",
            """{ "to": "Ian <ian@sublimesecurity.com>, finance@wayne-enterprises.net", "ips": "81.2.69.143, 89.160.20.112" }""");

        Assert.All(alert.Observables, o => Assert.Equal(ObservableOrigin.Entity, o.Origin));
        Assert.Equal(["ian@sublimesecurity.com", "finance@wayne-enterprises.net", "81.2.69.143", "89.160.20.112"], alert.Observables.Select(o => o.Value));
        Assert.Equal("recipient", alert.Observables[1].Role);
    }

    [Fact]
    public void Normalize_AutoFieldHoldingASentence_IsFreeText()
    {
        var alert = Normalize("  - { path: note, type: auto }\n", """{ "note": "login from 81.2.69.143 failed" }""");

        Assert.Equal(ObservableOrigin.FreeText, Assert.Single(alert.Observables).Origin);
    }

    [Fact]
    public void Normalize_UndeclaredFields_SweptAsFreeTextAndDeclaredStayEntities()
    {
        var alert = Normalize("  - { path: src, type: auto, role: source }\n", """
            { "src": "81.2.69.143", "extra": { "peer": "89.160.20.112", "peer_copy": "81.2.69.143",
              "sample": "sha256:f13ac3ca23248dc389507e8fe38c34489ab7edb3e6d6700eb6da6a0b7e128eaf", "owner": "kpatel@wayne-enterprises.net",
              "messageId": "<x1@mx.wayne-enterprises.net>", "sensor_version": "3.1.3.38" } }
            """);

        Assert.Equal(ObservableOrigin.Entity, alert.Observables.Single(o => o.Value == "81.2.69.143").Origin);
        var swept = alert.Observables.Where(o => o.Origin == ObservableOrigin.FreeText).ToList();
        Assert.All(swept, o => Assert.Equal("payload", o.Role));
        Assert.Equal(["89.160.20.112", "f13ac3ca23248dc389507e8fe38c34489ab7edb3e6d6700eb6da6a0b7e128eaf", "kpatel@wayne-enterprises.net"], swept.Select(o => o.Value));
    }

    [Fact]
    public void Normalize_SweepOff_OnlyDeclaredFields()
    {
        var alert = Normalize("  - { path: src, type: auto }\n", """{ "src": "81.2.69.143", "peer": "89.160.20.112" }""", "sweep: false\n");

        Assert.Equal(["81.2.69.143"], alert.Observables.Select(o => o.Value));
    }
}
