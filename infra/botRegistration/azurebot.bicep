// The Azure Bot: the Bot Framework's registration of the Web App, signing in as the user-assigned managed
// identity (no app password), with the Teams channel for staff and Direct Line for the family page.
//
// Direct Line's site secret is made by the service and cannot be set here; ARM returns it only through the
// listChannelWithKeys action, which a template cannot pass to Key Vault without also risking it in deployment
// history. So the secret is copied into Key Vault as `direct-line-secret` after provisioning, by the script
// step in m365agents.yml or by hand (docs/deploy.md, "The Direct Line secret").

@maxLength(20)
@minLength(4)
@description('Used to name every resource in this file')
param resourceBaseName string

@maxLength(42)
param botDisplayName string

param botServiceName string = resourceBaseName

@allowed([
  'F0'
  'S1'
])
@description('S1 carries the Bot Service SLA; Teams and Direct Line are standard channels either way')
param botServiceSku string = 'S1'

@allowed([
  'global'
  'westeurope'
])
param botLocation string = 'global'

param identityResourceId string
param identityClientId string
param identityTenantId string

@description('Host name of the Web App that serves /api/messages')
param botAppDomain string

@description('The family page\'s origin (PUBLIC_BASE_URL): Direct Line accepts conversations only from it')
param familyPageOrigin string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: botLocation
  name: botServiceName
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: botLocation
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// One site for the family page. Enhanced authentication: the bot's server exchanges the secret for a token
// bound to a `dl_` user id, and Direct Line accepts that token only from the family page's origin.
resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: botLocation
  name: 'DirectLineChannel'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Family page'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: true
          trustedOrigins: [
            familyPageOrigin
          ]
          // Families answer cards and type; nothing they could upload is ever read.
          isBlockUserUploadEnabled: true
          isWebchatPreviewEnabled: false
        }
      ]
    }
  }
}

output botServiceName string = botService.name
