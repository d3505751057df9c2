using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace RadioStudio.Engine.Show;

/// <summary>
/// Builds the chat messages for one AI caller turn: a system prompt (identity, persona, earlier calls, the call's
/// reaction, the host's mood, speaking rules) and the last <see cref="CallerPromptContext.WindowSize"/> messages,
/// the host's and phone callers' as labelled user messages and the caller's own as assistant messages.
/// Pure: the same context always gives the same messages.
/// </summary>
public static class CallerPromptBuilder
{
    /// <summary>The label that starts the persona's reason line; the offline scripted caller parses it.</summary>
    public const string ReasonLabel = "Why you are calling: ";

    /// <summary>The messages for one turn.</summary>
    public static IList<ChatMessage> Build(CallerPromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = new List<ChatMessage> { new(ChatRole.System, SystemPrompt(context)) };
        var window = Math.Max(0, context.WindowSize);
        foreach (var message in context.Conversation.TakeLast(window))
        {
            messages.Add(message.Role switch
            {
                ConversationRole.Host => new ChatMessage(ChatRole.User, "HOST: " + message.Text),
                ConversationRole.PhoneCaller => new ChatMessage(
                    ChatRole.User, $"{message.Speaker.ToUpperInvariant()} (caller on the line): {message.Text}"),
                _ => new ChatMessage(ChatRole.Assistant, message.Text),
            });
        }

        return messages;
    }

    /// <summary>The system prompt alone.</summary>
    public static string SystemPrompt(CallerPromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.Persona;
        var s = new StringBuilder();
        Line(s, $"You are {p.Name}, calling {context.ShowName}. {context.HostName} is the HOST; you are the CALLER.");
        s.AppendLine();
        Line(s, "WHO YOU ARE:");
        Line(s, $"{p.Name}, {p.Age}, {p.Job}, from {p.Town}.");
        Line(s, ReasonLabel + p.Reason);
        Line(s, p.IsProblem
            ? "That is a personal problem; you want the host's honest take on it."
            : "That is a topic you want to talk about; you have opinions on it.");
        Optional(s, "Interests: ", p.Interests, ", ");
        Optional(s, "Quirks: ", p.Quirks, "; ");
        Optional(s, "People in your life: ", p.People, "; ");
        Optional(s, "How you talk: ", p.VerbalHabits, "; ");
        Optional(s, "How this call goes for you: ", [p.EmotionalArc], "");
        Optional(s, "You and the show: ", [p.RelationshipToShow], "");
        Optional(s, "Right now: ", p.Grounding, "; ");
        Optional(s, "Backstory: ", [p.Backstory], "");

        if (p.PastCalls.Length > 0)
        {
            s.AppendLine();
            Line(s, "YOU HAVE CALLED THE SHOW BEFORE (you are a regular; call back with an update and refer to what you said):");
            foreach (var past in p.PastCalls)
            {
                Line(s, "- " + past);
            }
        }

        if (context.EarlierCalls.Count > 0)
        {
            s.AppendLine();
            Line(s, "EARLIER IN THE SHOW:");
            foreach (var call in context.EarlierCalls)
            {
                Line(s, $"- {call.Name} ({(call.IsAi ? "AI caller" : "real caller")}): {call.Summary}");
            }
        }

        if (context.Reaction is { } reaction)
        {
            s.AppendLine();
            Line(s, "REACTION: " + reaction.Instruction);
        }

        if (context.MoodSignals.Count > 0)
        {
            s.AppendLine();
            Line(s, "THE HOST'S MOOD:");
            foreach (var signal in context.MoodSignals)
            {
                Line(s, "- " + signal);
            }
        }

        s.AppendLine();
        Line(s, "HOW TO TALK:");
        Line(s, "- This is a live phone call on the radio: talk like a real person on the phone, casual and natural.");
        Line(s, "- Vary your length: often a sentence or two, sometimes a longer story when it matters.");
        Line(s, "- Never rehash what was already said; move the conversation forward.");
        Line(s, "- Always complete your thought and end on a full sentence.");
        Line(s, "- Spoken words only: no stage directions, no *actions*, no (parentheses), no emojis, lists or markdown.");
        Line(s, "- Write for text-to-speech: spell out numbers, symbols and abbreviations as words (\"twenty dollars\", \"fifty percent\").");
        Line(s, $"- Never speak as the host or write the host's lines; say only what {p.Name} says.");
        return s.ToString().TrimEnd();
    }

    private static void Line(StringBuilder s, string text) => s.Append(text).Append('\n');

    private static void Optional(StringBuilder s, string label, IEnumerable<string> values, string separator)
    {
        var joined = string.Join(separator, values.Where(v => !string.IsNullOrWhiteSpace(v)));
        if (joined.Length > 0)
        {
            Line(s, string.Create(CultureInfo.InvariantCulture, $"{label}{joined}"));
        }
    }
}
