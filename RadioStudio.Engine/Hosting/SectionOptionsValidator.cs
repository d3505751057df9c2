using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RadioStudio.Engine.Hosting;

/// <summary>
/// Data-annotation validation whose failures name the configuration key (<c>Studio:ShowTitle</c>), so a
/// bad appsettings.json value stops start-up with a message the user can act on.
/// </summary>
internal sealed class SectionOptionsValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(r =>
            $"{sectionName}:{string.Join(",", r.MemberNames)} is invalid: {r.ErrorMessage}"));
    }
}
