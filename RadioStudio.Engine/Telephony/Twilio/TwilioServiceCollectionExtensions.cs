using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Registers the Twilio REST client with retries suited to call control.</summary>
public static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TwilioRestClient"/> as a typed <see cref="HttpClient"/> with the standard resilience handler.
    /// <see cref="TwilioOptions"/> must be bound separately (unbound, the client reports NotConfigured).
    /// </summary>
    public static IServiceCollection AddTwilioRestClient(this IServiceCollection services)
    {
        services.AddHttpClient<TwilioRestClient>()
            .AddStandardResilienceHandler(resilience =>
            {
                // An operator is waiting on a "drop caller" button: fail within seconds, not minutes.
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);

                // The default retry covers network errors, attempt timeouts, 408, 429 and 5xx, and POST too.
                // Ending a call is idempotent (a repeat finds it ended: 404/20404, which we treat as done), so
                // retrying that POST is safe. A redirect retried after a lost answer restarts the same short
                // TwiML, which the caller may hear twice but which leaves the call where one attempt would.
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.BackoffType = DelayBackoffType.Exponential;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(250);
                resilience.Retry.UseJitter = true;
            });
        return services;
    }
}
