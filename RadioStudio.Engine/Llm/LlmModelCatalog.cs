using System.Net.Http.Headers;
using System.Text.Json;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// Lists the models an OpenAI-compatible endpoint offers (<c>GET {endpoint}/models</c>) for the settings
/// page's model picker. Registered as a typed <see cref="HttpClient"/> by <c>AddLlm()</c>.
/// </summary>
public sealed class LlmModelCatalog
{
    /// <summary>The endpoint used when none is given.</summary>
    public const string DefaultEndpoint = "https://api.openai.com/v1";

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <summary>Uses <paramref name="http"/> (from IHttpClientFactory).</summary>
    public LlmModelCatalog(HttpClient http, TimeProvider timeProvider)
    {
        _http = http;
        _time = timeProvider;
    }

    /// <summary>How long the listing may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The model ids at <paramref name="endpoint"/>, sorted. Failures (unreachable, HTTP error, timeout, not an
    /// OpenAI-style list) throw <see cref="LlmModelListException"/> with a message fit for the host.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListModelsAsync(string? endpoint, string? apiKey, CancellationToken cancellationToken = default)
    {
        var url = new Uri((string.IsNullOrWhiteSpace(endpoint) ? DefaultEndpoint : endpoint.Trim()).TrimEnd('/') + "/models");
        using var timeout = new CancellationTokenSource(Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        try
        {
            using var response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new LlmModelListException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
            }

            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new LlmModelListException($"GET {url} did not return an OpenAI-style model list (no \"data\" array)");
            }

            return [.. data.EnumerateArray()
                .Select(m => m.TryGetProperty("id", out var id) ? id.GetString() : null)
                .OfType<string>()
                .Order(StringComparer.Ordinal)];
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new LlmModelListException($"GET {url} did not answer within {Timeout.TotalSeconds:0.#} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LlmModelListException($"Could not reach {url}: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new LlmModelListException($"GET {url} did not return JSON: {ex.Message}", ex);
        }
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
