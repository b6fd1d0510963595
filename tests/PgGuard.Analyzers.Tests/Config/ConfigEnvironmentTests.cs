using PgGuard.Analyzers.Config;

namespace PgGuard.Analyzers.Tests.Config
{
    public class ConfigEnvironmentTests
    {
        [Theory]
        [InlineData("appsettings.json", ConfigFileKind.AppSettingsJson)]
        [InlineData("/src/App/appsettings.Production.json", ConfigFileKind.AppSettingsJson)]
        [InlineData(@"C:\src\App\AppSettings.Development.JSON", ConfigFileKind.AppSettingsJson)]
        [InlineData("appsettings.Development.Local.json", ConfigFileKind.AppSettingsJson)]
        [InlineData("app.config", ConfigFileKind.XmlConfig)]
        [InlineData("/src/App/App.config", ConfigFileKind.XmlConfig)]
        [InlineData(@"C:\src\Site\Web.config", ConfigFileKind.XmlConfig)]
        [InlineData("Web.Release.config", ConfigFileKind.XmlConfig)]
        [InlineData("App.Debug.config", ConfigFileKind.XmlConfig)]
        [InlineData("nuget.config", ConfigFileKind.None)]
        [InlineData("NuGet.Config", ConfigFileKind.None)]
        [InlineData("packages.config", ConfigFileKind.None)]
        [InlineData("nlog.config", ConfigFileKind.None)]
        [InlineData("application.config", ConfigFileKind.None)]
        [InlineData("webapp.config", ConfigFileKind.None)]
        [InlineData("MyApp.exe.config", ConfigFileKind.None)]
        [InlineData("appsettings.json.bak", ConfigFileKind.None)]
        [InlineData("appsettingsX.json", ConfigFileKind.None)]
        [InlineData("appsettings..json", ConfigFileKind.None)]
        [InlineData("myappsettings.json", ConfigFileKind.None)]
        [InlineData("launchSettings.json", ConfigFileKind.None)]
        [InlineData("/src/appsettings.json/readme.md", ConfigFileKind.None)]
        [InlineData("", ConfigFileKind.None)]
        public void RecognisesConfigurationFilesByName(string path, ConfigFileKind kind)
        {
            Assert.Equal(kind, ConfigEnvironment.GetFileKind(path));
            Assert.Equal(kind != ConfigFileKind.None, ConfigEnvironment.IsConfigFile(path));
        }

        [Theory]
        [InlineData("appsettings.Development.json", true)]
        [InlineData("/src/App/appsettings.development.json", true)]
        [InlineData("appsettings.Dev.json", true)]
        [InlineData("appsettings.Local.json", true)]
        [InlineData("appsettings.Test.json", true)]
        [InlineData("appsettings.Testing.json", true)]
        [InlineData("appsettings.Development.Local.json", true)]
        [InlineData(@"C:\src\Site\Web.Debug.config", true)]
        [InlineData("App.Debug.config", true)]
        [InlineData("appsettings.json", false)]          // the base file is read in production too
        [InlineData("app.config", false)]
        [InlineData("Web.config", false)]
        [InlineData("appsettings.Production.json", false)]
        [InlineData("appsettings.Staging.json", false)]
        [InlineData("appsettings.Docker.json", false)]
        [InlineData("appsettings.Developments.json", false)]
        [InlineData("appsettings.IntegrationTest.json", false)]
        [InlineData("Web.Release.config", false)]
        [InlineData("/src/Development/appsettings.json", false)] // only the file name counts
        [InlineData("Development.json", false)]
        [InlineData("nuget.Debug.config", false)]
        public void DevelopmentFilesAreNamedAfterADevelopmentEnvironmentOrDebugBuild(string path, bool isDevelopment)
        {
            Assert.Equal(isDevelopment, ConfigEnvironment.IsDevelopmentFile(path));
        }
    }
}
