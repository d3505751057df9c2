namespace RadioStudio.Engine.Providers;

/// <summary>The language-model part of <see cref="AiProviderChoices"/>.</summary>
/// <param name="Provider"><c>openai</c> (any OpenAI-compatible endpoint) or <c>offline</c>.</param>
/// <param name="Endpoint">Base URL including the version path; null for api.openai.com.</param>
/// <param name="Model">Dialogue model.</param>
/// <param name="UtilityModel">Model for cheap tasks; null for <paramref name="Model"/>.</param>
public sealed record LlmProviderChoice(string Provider, string? Endpoint, string? Model, string? UtilityModel);
