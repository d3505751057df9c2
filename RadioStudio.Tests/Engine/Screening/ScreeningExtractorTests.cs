using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Screening;
using RadioStudio.Tests.Engine.Llm;

namespace RadioStudio.Tests.Engine.Screening;

public sealed class ScreeningExtractorTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

    private static readonly ScreeningLine[] Exchange =
    [
        new(At, true, "Thanks for calling Night Line! What's your name?"),
        new(At.AddSeconds(3), false, "Hi, my name is Dave and I'm calling about the county roads."),
    ];

    [Fact]
    public async Task ExtractAsync_Provider_AsksForJsonSchemaOnTheUtilityModelAndReadsTheTypedResult()
    {
        var chat = new RecordingChatClient("{\"name\":\"Dave\",\"topic\":\"the county roads\",\"summary\":\"Dave wants the potholes fixed.\",\"done\":true}");
        var extractor = new ScreeningExtractor(new Clients(chat));

        var result = await extractor.ExtractAsync(Exchange, CancellationToken.None);

        Assert.Equal(new ScreeningExtraction("Dave", "the county roads", "Dave wants the potholes fixed.", true), result);
        var format = Assert.IsType<ChatResponseFormatJson>(chat.Options!.ResponseFormat);
        Assert.NotNull(format.Schema);
        var schema = format.Schema.Value.GetRawText();
        Assert.Contains("\"name\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"done\"", schema, StringComparison.Ordinal);
        Assert.Equal(LlmPurposes.Screening, LlmPurposes.Of(chat.Options));
        Assert.Contains("CALLER: Hi, my name is Dave", chat.Messages.Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_Offline_ScriptFindsNameAndTopicByPattern()
    {
        var offline = new OfflineScriptedChatClient(LlmTestSupport.Script(), TimeProvider.System, TimeSpan.Zero);
        var extractor = new ScreeningExtractor(new Clients(offline));

        var result = await extractor.ExtractAsync(Exchange, CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal("Dave", result.Name);
        Assert.StartsWith("the county roads", result.Topic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_UnreadableReply_Null()
    {
        var extractor = new ScreeningExtractor(new Clients(new RecordingChatClient("not json at all")));

        Assert.Null(await extractor.ExtractAsync(Exchange, CancellationToken.None));
    }

    private sealed class Clients(IChatClient utility) : ILlmClients
    {
        public IChatClient Dialogue => utility;

        public IChatClient Utility => utility;

        public bool IsOffline => false;

        public string Label => "test";
    }

    private sealed class RecordingChatClient(string reply) : IChatClient
    {
        public ChatOptions? Options { get; private set; }

        public List<ChatMessage> Messages { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Messages.AddRange(messages);
            Options = options;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
