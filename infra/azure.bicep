// The SEND Outcomes Bot on Azure, in the Microsoft 365 Agents Toolkit's layout (m365agents.yml runs it with
// arm/deploy; `az deployment group create` runs it alone). One user-assigned managed identity is the bot's
// Bot Framework identity, reads its secrets from Key Vault and writes to Table Storage: no passwords, no keys.
// docs/deploy.md says how to run it, and how the Direct Line secret reaches the vault after the first run.

@maxLength(20)
@minLength(4)
@description('Used to name every resource in this file')
param resourceBaseName string

@description('App Service plan SKU: Basic or above (always on and health checks need it); P0v3 or above for production')
param webAppSku string

@minValue(1)
@maxValue(10)
@description('Instances of the bot; two or more let the health check take a failing one out of the load balancer')
param instanceCount int = 2

@maxLength(42)
param botDisplayName string

@allowed([
  'global'
  'westeurope'
])
@description('Where the Azure Bot keeps its data: westeurope for a European bot (its Direct Line endpoint is then the European one)')
param botLocation string = 'global'

@minLength(20)
@maxLength(600)
@description('FAMILY_HELP_TEXT: what families are told to do if they need help now, with your area\'s contacts')
param familyHelpText string

@description('PUBLIC_BASE_URL: the https address families open (a custom domain); empty for the Web App\'s own azurewebsites.net address')
param publicBaseUrl string = ''

@description('ALLOWED_TENANTS: tenant ids allowed besides the bot\'s own (comma-separated); empty for its own tenant only')
param allowedTenants string = ''

@allowed([
  'on'
  'off'
])
@description('FAMILY_PAGE: off when families answer only in Teams with their code')
param familyPage string = 'on'

@description('LEGAL_TEXT_FILE: your copy of seeds/legal.json (privacy notice and terms, with your organisation and contact) inside the deployed package, e.g. /home/site/wwwroot/seeds/legal.northshire.json. Required: a deployed bot refuses to start with the example wording')
param legalTextFile string

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
])
param logLevel string = 'info'

@description('NOTIFY_TEMPLATE_INVITE_SMS: the GOV.UK Notify template id of the invitation by text (personalisation: link, code, expires, area)')
param notifyTemplateInviteSms string

@description('NOTIFY_TEMPLATE_INVITE_EMAIL: the GOV.UK Notify template id of the invitation by email (personalisation: link, code, expires, area)')
param notifyTemplateInviteEmail string

@description('NOTIFY_TEMPLATE_REMINDER_SMS: the GOV.UK Notify template id of a reminder by text (same personalisation); empty for no reminders')
param notifyTemplateReminderSms string = ''

@description('NOTIFY_TEMPLATE_REMINDER_EMAIL: the GOV.UK Notify template id of a reminder by email; empty for no reminders (both or neither)')
param notifyTemplateReminderEmail string = ''

@secure()
@minLength(16)
@description('DIGEST_TRIGGER_SECRET: the bearer token an external scheduler sends to POST /api/digests/run')
param digestTriggerSecret string

@secure()
@minLength(16)
@description('NOTIFY_CALLBACK_TOKEN: the bearer token GOV.UK Notify sends with delivery receipts to POST /api/notify/receipts (set the same in Notify)')
param notifyCallbackToken string

@description('Object id of the person or pipeline that writes the Direct Line secret into Key Vault (Key Vault Secrets Officer); empty to grant it by hand')
param secretsOfficerPrincipalId string = ''

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

param location string = resourceGroup().location

// Globally unique names where Azure needs them, stable for the same resource group and base name.
var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var storageAccountName = 'st${suffix}'
var keyVaultName = 'kv${suffix}'
var webAppName = resourceBaseName
var publicUrl = empty(publicBaseUrl) ? 'https://${webAppName}.azurewebsites.net' : publicBaseUrl
var directLineEndpoint = botLocation == 'westeurope' ? 'https://europe.directline.botframework.com' : 'https://directline.botframework.com'

// Built-in role definitions (the same id in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: resourceBaseName
}

// Table Storage reached only with Entra tokens: shared-key access (account keys, SAS) is switched off.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    accessTier: 'Hot'
  }
}

resource identityWritesTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Access by Azure roles, not access policies; purge protection so a deleted secret can be recovered.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource officerWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secretsOfficerPrincipalId)) {
  name: guid(vault.id, secretsOfficerPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: secretsOfficerPrincipalId
  }
}

resource digestTriggerSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'digest-trigger-secret'
  properties: {
    value: digestTriggerSecret
  }
}

resource notifyCallbackTokenValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'notify-callback-token'
  properties: {
    value: notifyCallbackToken
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: resourceBaseName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: resourceBaseName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

// App settings: one `name:` line then one `value:` line each (test/unit/infra/appSettings.test.ts reads them).
resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/index.js'
      alwaysOn: true
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'STORAGE_ACCOUNT_URL'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'ALLOWED_TENANTS'
          value: allowedTenants
        }
        {
          name: 'PUBLIC_BASE_URL'
          value: publicUrl
        }
        {
          name: 'FAMILY_PAGE'
          value: familyPage
        }
        {
          name: 'DIRECT_LINE_ENDPOINT'
          value: directLineEndpoint
        }
        {
          name: 'DIRECT_LINE_SECRET'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=direct-line-secret)'
        }
        {
          name: 'DIGEST_TRIGGER_SECRET'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=digest-trigger-secret)'
        }
        {
          name: 'NOTIFY_API_KEY'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=notify-api-key)'
        }
        {
          name: 'CONTACT_ENCRYPTION_KEY'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=contact-encryption-key)'
        }
        {
          name: 'NOTIFY_TEMPLATE_INVITE_SMS'
          value: notifyTemplateInviteSms
        }
        {
          name: 'NOTIFY_TEMPLATE_INVITE_EMAIL'
          value: notifyTemplateInviteEmail
        }
        {
          name: 'NOTIFY_TEMPLATE_REMINDER_SMS'
          value: notifyTemplateReminderSms
        }
        {
          name: 'NOTIFY_TEMPLATE_REMINDER_EMAIL'
          value: notifyTemplateReminderEmail
        }
        {
          name: 'NOTIFY_CALLBACK_TOKEN'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=notify-callback-token)'
        }
        {
          name: 'FAMILY_HELP_TEXT'
          value: familyHelpText
        }
        {
          name: 'LEGAL_TEXT_FILE'
          value: legalTextFile
        }
        {
          name: 'TRUSTED_PROXY_HOPS'
          value: '1'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
      ]
    }
  }
  // The first start must already be able to reach the tables and resolve the Key Vault references.
  dependsOn: [
    identityWritesTables
    identityReadsSecrets
    digestTriggerSecretValue
    notifyCallbackTokenValue
  ]
}

// What the bot prints (start-up refusals, every log line) and App Service's own logs, kept in the workspace.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// Register the Web App as a bot with the Bot Framework, on Teams and on Direct Line (the family page).
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botLocation: botLocation
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
    familyPageOrigin: publicUrl
  }
}

// Written to env/.env.<environment> by the Agents Toolkit (https://aka.ms/teamsfx-actions/arm-deploy).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_SERVICE_NAME string = azureBotRegistration.outputs.botServiceName
output KEY_VAULT_NAME string = vault.name
output STORAGE_ACCOUNT_URL string = storage.properties.primaryEndpoints.table
output PUBLIC_BASE_URL string = publicUrl
output WEB_APP_NAME string = webApp.name
