using System.Text.Json;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// The lines and patterns the <see cref="OfflineScriptedChatClient"/> plays from, loaded from a locale data
/// file (<c>Llm/Data/offline-script.en-US.json</c>). Lines may use <c>{name}</c>, <c>{reason}</c> and
/// <c>{turns}</c>; patterns are .NET regular expressions with named groups.
/// </summary>
public sealed class OfflineScript
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The caller's name when neither the prompt nor the conversation gives one.</summary>
    public string DefaultName { get; init; } = "a caller";

    /// <summary>The reason for calling when the prompt gives none.</summary>
    public string DefaultReason { get; init; } = "something on my mind";

    /// <summary>First-turn lines.</summary>
    public IReadOnlyList<string> Openers { get; init; } = [];

    /// <summary>Replies when the host asked a question.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary>Replies when the host made a statement.</summary>
    public IReadOnlyList<string> Statements { get; init; } = [];

    /// <summary>Lines from <see cref="ClosingTurn"/> on: the caller starts wrapping up.</summary>
    public IReadOnlyList<string> Closers { get; init; } = [];

    /// <summary>The caller turn (1-based) from which closers are played.</summary>
    public int ClosingTurn { get; init; } = 7;

    /// <summary>The one-sentence summary template.</summary>
    public string Summary { get; init; } = "{name} called about {reason}.";

    /// <summary>Words that make a sentence without a question mark a question.</summary>
    public IReadOnlyList<string> QuestionStarts { get; init; } = [];

    /// <summary>The should-respond answers.</summary>
    public string Yes { get; init; } = "yes";

    /// <summary>The should-respond answers.</summary>
    public string No { get; init; } = "no";

    /// <summary>Finds the caller's name in a system prompt (group <c>name</c>).</summary>
    public string IdentityPattern { get; init; } = "You are (?<name>[^,\\n.;]+?)\\s*,\\s*calling";

    /// <summary>Finds the reason for calling in a system prompt (group <c>reason</c>).</summary>
    public string ReasonPattern { get; init; } = "Why you are calling:\\s*(?<reason>[^\\n]+)";

    /// <summary>Finds a name a caller says (group <c>name</c>; case-sensitive, so names are capitalised).</summary>
    public IReadOnlyList<string> NamePatterns { get; init; } = [];

    /// <summary>Finds a topic a caller says (group <c>topic</c>; case-insensitive).</summary>
    public IReadOnlyList<string> TopicPatterns { get; init; } = [];

    /// <summary>Replies by the kind of the host's question (<see cref="Offline.HostQuestion"/>); "yes" and "no" answer a yes/no question.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AnswersByKind { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The question kinds, tried in order (the first match wins).</summary>
    public IReadOnlyList<Offline.OfflineQuestionKind> QuestionKinds { get; init; } = [];

    /// <summary>Found in a system prompt when the reason is a personal problem (said as "I …").</summary>
    public string ProblemPattern { get; init; } = "That is a personal problem";

    /// <summary>Found in a system prompt when the reason is a topic (said as "I wanted to talk about …").</summary>
    public string TopicPattern { get; init; } = "That is a topic";

    /// <summary>Finds the caller's town in a system prompt (group <c>town</c>).</summary>
    public string TownPattern { get; init; } = ", from (?<town>[^.\\n]+)\\.";

    /// <summary>Finds the people in the caller's life in a system prompt (group <c>people</c>, "Paula, my sister; …").</summary>
    public string PeoplePattern { get; init; } = "People in your life:\\s*(?<people>[^\\n]+)";

    /// <summary>Loads a script file; a missing or malformed file fails with its path in the message.</summary>
    public static OfflineScript Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var script = JsonSerializer.Deserialize<OfflineScript>(stream, s_json)
                ?? throw new InvalidDataException("the file is empty");
            return script.Openers.Count == 0 || script.Answers.Count == 0 || script.Statements.Count == 0
                ? throw new InvalidDataException("openers, answers and statements each need at least one line")
                : script;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new InvalidOperationException($"The offline script {path} could not be loaded (Llm:OfflineScript): {ex.Message}", ex);
        }
    }

    /// <summary>Loads <paramref name="relativeOrFullPath"/>, relative to the application directory unless rooted.</summary>
    public static OfflineScript LoadFromAppDirectory(string relativeOrFullPath) =>
        Load(Path.IsPathRooted(relativeOrFullPath) ? relativeOrFullPath : Path.Combine(AppContext.BaseDirectory, relativeOrFullPath));
}
