using RadioStudio.Engine.Llm;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Llm;

public sealed class LlmModelCatalogTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ListModelsAsync_FakeEndpoint_ReturnsSortedIdsAndSendsTheKey()
    {
        _server.Models = ["zeta-model", "alpha-model", "mid-model"];
        var catalog = new LlmModelCatalog(_http, TimeProvider.System);

        var models = await catalog.ListModelsAsync(_server.BaseUrl + "/", LlmTestSupport.Key);

        Assert.Equal(["alpha-model", "mid-model", "zeta-model"], models);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET /v1/models", request.Method + " " + request.Path);
        Assert.Equal("Bearer " + LlmTestSupport.Key, request.Authorization);
    }

    [Fact]
    public async Task ListModelsAsync_NotAnApiPath_ThrowsWithStatusAndUrl()
    {
        var catalog = new LlmModelCatalog(_http, TimeProvider.System);
        var wrong = _server.BaseUrl[..^"/v1".Length] + "/nope";

        var ex = await Assert.ThrowsAsync<LlmModelListException>(() => catalog.ListModelsAsync(wrong, null));

        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
        Assert.Contains(wrong + "/models", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListModelsAsync_NothingListening_ThrowsCouldNotReach()
    {
        var catalog = new LlmModelCatalog(_http, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<LlmModelListException>(() => catalog.ListModelsAsync("http://127.0.0.1:1/v1", null));

        Assert.StartsWith("Could not reach http://127.0.0.1:1/v1/models", ex.Message, StringComparison.Ordinal);
    }
}
