using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Hosting;
using RadioStudio.Engine.Llm;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Llm;

public sealed class LlmClientsTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Constructor_OfflineProvider_IsOfflineWithScriptLabelAndAnswers()
    {
        var clients = Create(new LlmOptions { OfflineWordDelayMilliseconds = 0 });

        Assert.True(clients.IsOffline);
        Assert.Equal("offline script", clients.Label);
        var reply = await clients.Dialogue.GetResponseAsync([new(ChatRole.System, "You are Rita, calling the show.\nWhy you are calling: my cat"), new(ChatRole.User, "Hello?")]);
        Assert.Contains("Rita", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Dialogue_OpenAiProvider_StreamsFromTheModelWithDefaultsApplied()
    {
        var clients = Create(OpenAi());

        var text = LlmTestSupport.TextOf(await LlmTestSupport.CollectAsync(clients.Dialogue.GetStreamingResponseAsync(LlmTestSupport.Hello)));

        Assert.False(clients.IsOffline);
        Assert.Equal("openai · fake-dialogue", clients.Label);
        Assert.Equal("Well, hello there. I've been waiting all night to get through.", text);
        var body = Assert.Single(_server.Requests).Json!;
        Assert.Equal("fake-dialogue", (string?)body["model"]);
        Assert.Equal(123, (int?)(body["max_completion_tokens"] ?? body["max_tokens"]));
    }

    [Fact]
    public async Task Utility_OpenAiProvider_UsesTheUtilityModel()
    {
        var clients = Create(OpenAi());

        await clients.Utility.GetResponseAsync(LlmTestSupport.Hello, LlmPurposes.With(LlmPurposes.ShouldRespond));

        Assert.Equal(["fake-cheap"], _server.Requests.Select(LlmTestSupport.ModelOf));
    }

    [Fact]
    public async Task Dialogue_EveryModelFails_OfflineScriptAnswersLast()
    {
        _server.Chat = _ => FakeChatReply.Error(500);
        var clients = Create(OpenAi("backup-1", "backup-2"));

        var updates = await LlmTestSupport.CollectAsync(clients.Dialogue.GetStreamingResponseAsync(LlmTestSupport.Hello));

        Assert.Equal(["fake-dialogue", "backup-1", "backup-2"], _server.Requests.Select(LlmTestSupport.ModelOf));
        Assert.Contains("Dana", LlmTestSupport.TextOf(updates), StringComparison.Ordinal);
        Assert.Contains(updates, u => u.ModelId == OfflineScriptedChatClient.ModelId);
    }

    [Fact]
    public async Task Reconfigure_OfflineToOpenAi_SameDialogueInstanceNowCallsTheModel()
    {
        var clients = Create(new LlmOptions { OfflineWordDelayMilliseconds = 0 });
        var dialogue = clients.Dialogue;
        var raised = 0;
        clients.Reconfigured += (_, _) => raised++;

        clients.Reconfigure(OpenAi());
        var reply = await dialogue.GetResponseAsync(LlmTestSupport.Hello);

        Assert.Equal(1, raised);
        Assert.False(clients.IsOffline);
        Assert.Equal("openai · fake-dialogue", clients.Label);
        Assert.Equal("Well, hello there. I've been waiting all night to get through.", reply.Text);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void Reconfigure_InvalidOptions_ThrowsNamingTheKeyAndKeepsTheOldChains()
    {
        var clients = Create(new LlmOptions());

        var ex = Assert.Throws<OptionsValidationException>(() => clients.Reconfigure(new LlmOptions { Provider = "openai", Endpoint = _server.BaseUrl }));

        Assert.Contains("Llm:Model", ex.Message, StringComparison.Ordinal);
        Assert.True(clients.IsOffline);
    }

    [Theory]
    [InlineData("openai", null, "gpt-4o-mini", "Llm:ApiKey")]
    [InlineData("openai", "http://localhost:11434/v1", null, "Llm:Model")]
    [InlineData("anthropic", null, null, "Llm:Provider")]
    [InlineData("offline", "not a url", null, "Llm:Endpoint")]
    public void AddLlm_BadConfiguration_FailsNamingTheKey(string provider, string? endpoint, string? model, string key)
    {
        var config = new Dictionary<string, string?> { ["Llm:Provider"] = provider, ["Llm:Endpoint"] = endpoint, ["Llm:Model"] = model };
        using var services = Services(config);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LlmOptions>>().Value);

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLlm_EnvironmentStyleKeyAndOpenAi_ResolvesWorkingClients()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "openai", ["Llm:Endpoint"] = _server.BaseUrl, ["Llm:ApiKey"] = LlmTestSupport.Key,
            ["Llm:Model"] = "fake-dialogue", ["Llm:FallbackModels:0"] = "backup-1",
        });
        var clients = services.GetRequiredService<ILlmClients>();

        var reply = await clients.Dialogue.GetResponseAsync(LlmTestSupport.Hello);

        Assert.Same(services.GetRequiredService<LlmClients>(), clients);
        Assert.Equal(["fake-dialogue", "backup-1"], services.GetRequiredService<LlmClients>().Options.DialogueModels);
        Assert.Equal("Bearer " + LlmTestSupport.Key, Assert.Single(_server.Requests).Authorization);
        Assert.NotEmpty(reply.Text);
        Assert.NotNull(services.GetRequiredService<LlmModelCatalog>());
    }

    [Fact]
    public void AddLlm_ShippedAppSettings_BindsTheOfflineProvider()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build());
        services.AddLogging();
        services.AddLlm();
        using var provider = services.BuildServiceProvider();

        var clients = provider.GetRequiredService<ILlmClients>();

        Assert.True(clients.IsOffline);
        Assert.Equal("offline script", clients.Label);
        Assert.Empty(provider.GetRequiredService<IOptions<LlmOptions>>().Value.FallbackModels);
    }

    private LlmOptions OpenAi(params string[] fallbacks)
    {
        var options = new LlmOptions
        {
            Provider = "openai", Endpoint = _server.BaseUrl, ApiKey = LlmTestSupport.Key, Model = "fake-dialogue",
            UtilityModel = "fake-cheap", MaxOutputTokens = 123, OfflineWordDelayMilliseconds = 0,
        };
        foreach (var model in fallbacks)
        {
            options.FallbackModels.Add(model);
        }

        return options;
    }

    private static LlmClients Create(LlmOptions options) =>
        new(Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance);

    private static ServiceProvider Services(Dictionary<string, string?> config)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddLogging();
        services.AddLlm();
        return services.BuildServiceProvider();
    }
}
