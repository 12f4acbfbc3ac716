using Microsoft.Extensions.Options;

namespace AgenticIR.Storage.Sqlite;

[OptionsValidator]
internal sealed partial class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>;
