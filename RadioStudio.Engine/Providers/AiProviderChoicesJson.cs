using System.Text.Json;

namespace RadioStudio.Engine.Providers;

/// <summary><see cref="AiProviderChoices"/> as saved in the settings table (JSON), read back leniently.</summary>
public static class AiProviderChoicesJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Serializes <paramref name="choices"/>.</summary>
    public static string Write(AiProviderChoices choices) => JsonSerializer.Serialize(choices, Options);

    /// <summary>Reads saved choices; null when the text is not a complete set (the configuration applies then).</summary>
    public static AiProviderChoices? TryParse(string json)
    {
        try
        {
            var choices = JsonSerializer.Deserialize<AiProviderChoices>(json, Options);
            return choices is { Llm.Provider: not null, SpeechToText.Provider: not null, TextToSpeech.Provider: not null } ? choices : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
