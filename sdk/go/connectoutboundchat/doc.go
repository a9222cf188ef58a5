// Amazon Connect outbound SMS and WhatsApp contacts (StartOutboundChatContact) as Pulumi resources, sent exactly once.
package connectoutboundchat
