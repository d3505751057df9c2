using RadioStudio.Engine.Providers;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Providers;

/// <summary>B2: a key goes only to the endpoint it was configured or given for; two local servers record what they get.</summary>
public sealed class ProviderKeyBindingTests : IAsyncLifetime
{
    private FakeOpenAiServer _configured = null!;
    private FakeOpenAiServer _other = null!;

    public async Task InitializeAsync()
    {
        _configured = await FakeOpenAiServer.StartAsync();
        _other = await FakeOpenAiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _configured.DisposeAsync();
        await _other.DisposeAsync();
    }

    [Fact]
    public async Task LoadModels_ChangedEndpoint_CarriesNoKey_UntilOneIsGivenForIt()
    {
        using var rig = Rig();

        await rig.Settings.ListModelsAsync(_configured.BaseUrl);
        await rig.Settings.ListModelsAsync(_other.BaseUrl);

        Assert.Equal("Bearer configured-key", Assert.Single(_configured.Requests, r => r.Path.EndsWith("/models", StringComparison.Ordinal)).Authorization);
        var stranger = Assert.Single(_other.Requests, r => r.Path.EndsWith("/models", StringComparison.Ordinal));
        Assert.True(string.IsNullOrEmpty(stranger.Authorization), $"the other endpoint got {stranger.Authorization}");

        Assert.True(rig.Settings.SetKey("Llm", "openai", _other.BaseUrl, "other-key"));
        await rig.Settings.ListModelsAsync(_other.BaseUrl + "/");
        Assert.Equal("Bearer other-key", _other.Requests[^1].Authorization);
        Assert.DoesNotContain(_other.Requests, r => r.Authorization?.Contains("configured-key", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task SavedChoices_PointingElsewhere_SendTheConfiguredKeyNowhere()
    {
        using var rig = Rig();
        var choices = rig.Settings.Current with { Llm = new LlmProviderChoice("openai", _other.BaseUrl, "m", null) };

        await rig.Settings.ApplyAsync(choices);
        await rig.Llm.Utility.GetResponseAsync([new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, "hello")]);

        Assert.NotEmpty(_other.Requests);
        Assert.DoesNotContain(_other.Requests, r => r.Authorization?.Contains("configured-key", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("openai", null, "https://api.openai.com:443")]
    [InlineData("openai", "HTTP://LocalHost:11434/v1", "http://localhost:11434")]
    [InlineData("openai", "http://localhost/v1", "http://localhost:80")]
    [InlineData("openai", "file:///etc/passwd", null)]
    [InlineData("offline", null, null)]
    public void Origin_IsSchemeHostAndPort(string provider, string? endpoint, string? origin) =>
        Assert.Equal(origin, ProviderKeyRing.Origin(provider, endpoint));

    private AiProviderRig Rig() => new(new FakeStudio(), (llm, _, _) =>
    {
        llm.Provider = "openai";
        llm.Endpoint = _configured.BaseUrl;
        llm.ApiKey = "configured-key";
        llm.Model = "m";
    });
}
