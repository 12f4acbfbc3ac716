using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace AgenticIR.Worker.Retention;

/// <summary>Reads <see cref="RetentionOptions"/> from the configuration and checks it.</summary>
internal static class RetentionSettings
{
    /// <summary>The options, or the first problem with them.</summary>
    public static (RetentionOptions? Options, string? Problem) From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new RetentionOptions();
        try
        {
            configuration.GetSection(RetentionOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            return (null, $"{RetentionOptions.SectionName}: {ex.Message}");
        }
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            return (null, $"{RetentionOptions.SectionName}: {string.Join("; ", results.Select(r => r.ErrorMessage))}");
        return (options, null);
    }
}
